// `gazette users`: the newsroom's accounts (add, list, passwd, disable, enable).
#include <unistd.h>

#include <ctime>
#include <iostream>
#include <stdexcept>
#include <string>

#include "accounts/accounts.h"
#include "cli/commands.h"

namespace gazette::cli {

namespace {

// The password: the first line of stdin (so scripts can pipe it in), prompted for on a terminal.
std::string read_password() {
  if (isatty(STDIN_FILENO))
    std::cerr << "Password (at least " << accounts::kMinPasswordLength << " characters): " << std::flush;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

void register_users(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("users", "Newsroom accounts: editors, writers and recruiters");
  cmd->require_subcommand(1);

  static std::string email, name, role = "writer";
  auto* add = cmd->add_subcommand("add", "Add a newsroom user; the password is read from stdin");
  add->add_option("email", email, "Their email address, used to sign in")->required();
  add->add_option("--name", name, "Their name as the newsroom shows it")->required();
  add->add_option("--role", role,
                  "owner (everything, people included), editor (articles), writer (own drafts) or recruiter (job "
                  "adverts)")
      ->check(CLI::IsMember({"owner", "editor", "writer", "recruiter"}))
      ->capture_default_str();
  add->footer(
      "Example: echo 'correct horse battery' | gazette users add ed@example.org --name 'Ed Itor' --role editor\n"
      "Passwords are stored as argon2id hashes and must be at least 12 characters.");
  add->callback([&g] {
    auto cfg = g.load();
    try {
      const std::string password = read_password();
      auto db = open_database(cfg, true);
      store::Transaction tx(*db);
      accounts::add_user(*db, email, name, *accounts::parse_role(role), password, std::time(nullptr));
      tx.commit();
      std::cout << "added " << role << " " << email << "\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette users add: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  auto* list = cmd->add_subcommand("list", "List newsroom users");
  list->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      auto users = accounts::all_users(*db);
      if (users.empty())
        std::cout << "no users yet: add one with `gazette users add EMAIL --name NAME --role editor`\n";
      for (const auto& u : users)
        std::cout << u.email << "\t" << accounts::to_string(u.role) << "\t" << u.name
                  << (u.disabled ? "\tdisabled" : "") << "\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette users list: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  static std::string target;
  auto* passwd = cmd->add_subcommand("passwd", "Set a user's password (read from stdin) and sign them out everywhere");
  passwd->add_option("email", target, "The user's email address")->required();
  passwd->callback([&g] {
    auto cfg = g.load();
    try {
      const std::string password = read_password();
      auto db = open_database(cfg, true);
      store::Transaction tx(*db);
      if (!accounts::set_password(*db, target, password))
        throw std::invalid_argument("no user has the email " + target);
      tx.commit();
      std::cout << "password changed for " << target << "\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette users passwd: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  for (bool disable : {true, false}) {
    auto* sub =
        cmd->add_subcommand(disable ? "disable" : "enable", disable ? "Stop a user signing in and end their sessions"
                                                                    : "Let a disabled user sign in again");
    sub->add_option("email", target, "The user's email address")->required();
    sub->callback([&g, disable] {
      auto cfg = g.load();
      try {
        auto db = open_database(cfg, true);
        store::Transaction tx(*db);
        if (!accounts::set_disabled(*db, target, disable))
          throw std::invalid_argument("no user has the email " + target);
        tx.commit();
        std::cout << (disable ? "disabled " : "enabled ") << target << "\n";
      } catch (const std::exception& e) {
        std::cerr << "gazette users " << (disable ? "disable" : "enable") << ": " << e.what() << "\n";
        g.exit_code = 1;
      }
    });
  }
}

}  // namespace gazette::cli
