#include "config/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "test_support.h"

namespace gazette::config {
namespace {

struct EnvGuard {
  ~EnvGuard() {
    for (const auto& o : options()) unsetenv(o.env);
  }
};

TEST(Config, DefaultsAreDocumentedForEveryOption) {
  EnvGuard guard;
  Config c = load("");
  EXPECT_EQ(c.db, "gazette.db");
  EXPECT_EQ(c.listen_host(), "127.0.0.1");
  EXPECT_EQ(c.listen_port(), 8080);
  for (const auto& o : options()) {
    EXPECT_TRUE(std::string(o.env).starts_with("GAZETTE_")) << o.key;
    EXPECT_FALSE(std::string(o.help).empty()) << o.key;
  }
}

TEST(Config, TomlFileThenEnvironmentOverride) {
  EnvGuard guard;
  gazette::testing::TempDb tmp;
  auto path = (tmp.dir() / "gazette.toml").string();
  std::ofstream(path) << "db = \"from-file.db\"\nlisten = \"0.0.0.0:9000\"\npage_size = 15\naccess_log = false\n";
  Config c = load(path);
  EXPECT_EQ(c.db, "from-file.db");
  EXPECT_EQ(c.listen_port(), 9000);
  EXPECT_EQ(c.page_size, 15);
  EXPECT_FALSE(c.access_log);
  setenv("GAZETTE_DB", "from-env.db", 1);
  setenv("GAZETTE_LISTEN", "127.0.0.1:9100", 1);
  c = load(path);
  EXPECT_EQ(c.db, "from-env.db");
  EXPECT_EQ(c.listen_port(), 9100);
}

TEST(Config, BadValuesGiveClearErrors) {
  EnvGuard guard;
  setenv("GAZETTE_LISTEN", "localhost", 1);
  try {
    load("");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("listen"), std::string::npos);
  }
  setenv("GAZETTE_LISTEN", "127.0.0.1:99999", 1);
  EXPECT_THROW(load(""), std::runtime_error);
  unsetenv("GAZETTE_LISTEN");
  setenv("GAZETTE_PAGE_SIZE", "lots", 1);
  EXPECT_THROW(load(""), std::runtime_error);
}

TEST(Config, UnknownKeyAndBrokenTomlAreRejected) {
  EnvGuard guard;
  gazette::testing::TempDb tmp;
  auto path = (tmp.dir() / "bad.toml").string();
  std::ofstream(path) << "colour = \"blue\"\n";
  EXPECT_THROW(load(path), std::runtime_error);
  std::ofstream(path) << "db = \n";
  EXPECT_THROW(load(path), std::runtime_error);
}

}  // namespace
}  // namespace gazette::config
