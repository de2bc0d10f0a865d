// Wakes a node's change watcher when another node writes: on PostgreSQL every row added to the change
// log is announced with NOTIFY gazette_changes (sql/postgresql/schema_011), and a listener's wait()
// returns as soon as one arrives. SQLite has no such signal (change_listener returns null) and the
// watcher polls; it polls on PostgreSQL too, as the fallback when a notification is missed.
#pragma once

#include <memory>
#include <string>

namespace gazette::store {

class ChangeListener {
 public:
  virtual ~ChangeListener() = default;
  // Waits up to timeout_ms for a notification; true when one (or more) arrived. Throws
  // store::Unavailable when the connection is lost (make a new listener later).
  virtual bool wait(int timeout_ms) = 0;
};

// A listener on its own connection to `database`, or null for a backend without notifications.
// Throws store::Unavailable when the server cannot be reached.
std::unique_ptr<ChangeListener> change_listener(const std::string& database);

}  // namespace gazette::store
