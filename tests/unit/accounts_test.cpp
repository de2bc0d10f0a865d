// Newsroom accounts (passwords, sessions, tokens) and the HTTP form and cookie helpers they rely on.
#include <gtest/gtest.h>

#include <set>

#include "accounts/accounts.h"
#include "http/form.h"
#include "store/user_store.h"
#include "test_support.h"

namespace gazette {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;

TEST(Passwords, StoredAsArgon2idAndVerified) {
  const std::string hash = accounts::hash_password("a long enough passphrase");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("passphrase"), std::string::npos);
  EXPECT_TRUE(accounts::verify_password(hash, "a long enough passphrase"));
  EXPECT_FALSE(accounts::verify_password(hash, "a long enough passphrasE"));
  EXPECT_FALSE(accounts::verify_password(hash, ""));
  EXPECT_FALSE(accounts::verify_password("", "a long enough passphrase"));
  EXPECT_NE(hash, accounts::hash_password("a long enough passphrase")) << "each hash has its own salt";
}

TEST(Passwords, LengthRules) {
  EXPECT_TRUE(accounts::password_problem("eleven char").has_value());
  EXPECT_FALSE(accounts::password_problem("twelve chars").has_value());
  EXPECT_TRUE(accounts::password_problem(std::string(1025, 'x')).has_value());
}

TEST(Tokens, RandomUrlSafeAndComparedWhole) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto t = accounts::random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(accounts::token_hash("abc").size(), 64u);
  EXPECT_NE(accounts::token_hash("abc"), accounts::token_hash("abd"));
  EXPECT_TRUE(accounts::tokens_equal("same-token", "same-token"));
  EXPECT_FALSE(accounts::tokens_equal("same-token", "same-tokem"));
  EXPECT_FALSE(accounts::tokens_equal("same-token", "same-token-longer"));
  EXPECT_FALSE(accounts::tokens_equal("", "")) << "an empty token never matches";
}

TEST(Sessions, SignInLooksUpAndSignsOut) {
  testing::TempDb t;
  accounts::add_user(t.db(), "ed@example.org", "Ed", accounts::Role::editor, "a long enough passphrase", kNow);
  EXPECT_FALSE(accounts::sign_in(t.db(), "ed@example.org", "wrong passphrase!", kNow));
  EXPECT_FALSE(accounts::sign_in(t.db(), "nobody@example.org", "a long enough passphrase", kNow));
  auto token = accounts::sign_in(t.db(), "ED@example.org", "a long enough passphrase", kNow);
  ASSERT_TRUE(token);

  auto s = accounts::session_for(t.db(), *token, kNow + 60);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user.email, "ed@example.org");
  EXPECT_EQ(s->user.role, accounts::Role::editor);
  EXPECT_TRUE(s->user.can_edit_articles());
  EXPECT_EQ(s->csrf_token.size(), 43u);
  EXPECT_NE(s->csrf_token, *token);
  // Only the hash is stored: the token itself does not find the session.
  EXPECT_FALSE(store::UserStore(t.db()).session(*token, kNow));
  EXPECT_TRUE(store::UserStore(t.db()).session(accounts::token_hash(*token), kNow));

  EXPECT_FALSE(accounts::session_for(t.db(), *token, kNow + accounts::kSessionSeconds)) << "expired";
  accounts::sign_out(t.db(), *token);
  EXPECT_FALSE(accounts::session_for(t.db(), *token, kNow + 60));
}

TEST(Sessions, DisablingOrNewPasswordEndsSessions) {
  testing::TempDb t;
  accounts::add_user(t.db(), "w@example.org", "Wri Ter", accounts::Role::writer, "first long passphrase", kNow);
  auto a = accounts::sign_in(t.db(), "w@example.org", "first long passphrase", kNow);
  ASSERT_TRUE(a);
  ASSERT_TRUE(accounts::set_password(t.db(), "w@example.org", "second long passphrase"));
  EXPECT_FALSE(accounts::session_for(t.db(), *a, kNow));
  EXPECT_FALSE(accounts::sign_in(t.db(), "w@example.org", "first long passphrase", kNow));
  auto b = accounts::sign_in(t.db(), "w@example.org", "second long passphrase", kNow);
  ASSERT_TRUE(b);
  ASSERT_TRUE(accounts::set_disabled(t.db(), "w@example.org", true));
  EXPECT_FALSE(accounts::session_for(t.db(), *b, kNow));
  EXPECT_FALSE(accounts::sign_in(t.db(), "w@example.org", "second long passphrase", kNow));
  EXPECT_FALSE(accounts::set_disabled(t.db(), "nobody@example.org", true));
}

TEST(Users, BadInputIsRefusedWithReasons) {
  testing::TempDb t;
  EXPECT_THROW(accounts::add_user(t.db(), "no-at-sign", "N", accounts::Role::writer, "long enough pass", kNow),
               std::invalid_argument);
  EXPECT_THROW(accounts::add_user(t.db(), "a@example.org", "", accounts::Role::writer, "long enough pass", kNow),
               std::invalid_argument);
  EXPECT_THROW(accounts::add_user(t.db(), "a@example.org", "A", accounts::Role::writer, "short", kNow),
               std::invalid_argument);
  accounts::add_user(t.db(), "a@example.org", "A", accounts::Role::recruiter, "long enough pass", kNow);
  EXPECT_THROW(accounts::add_user(t.db(), "A@EXAMPLE.ORG", "A", accounts::Role::writer, "long enough pass", kNow),
               store::Error);
  auto all = accounts::all_users(t.db());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].role, accounts::Role::recruiter);
  EXPECT_FALSE(all[0].can_edit_articles());
}

TEST(SignInThrottle, LocksAKeyAfterTooManyFailuresUntilTheWindowEnds) {
  testing::TempDb db;
  const accounts::SignInThrottle t("account", 3, 900);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + i), 0);
    t.failed(db.db(), "a@example.org", kNow + i);
  }
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 10), 890);
  EXPECT_EQ(t.begin(db.db(), "b@example.org", kNow + 10), 0) << "other keys are not affected";
  t.release(db.db(), "b@example.org");
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 900), 0) << "the window has ended";
  t.failed(db.db(), "a@example.org", kNow + 900);
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 901), 0) << "a new window starts with one failure";
  t.release(db.db(), "a@example.org");
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(t.begin(db.db(), "c@example.org", kNow), 0);
    t.failed(db.db(), "c@example.org", kNow);
  }
  ASSERT_EQ(t.begin(db.db(), "c@example.org", kNow), 0);
  t.succeeded(db.db(), "c@example.org");
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(t.begin(db.db(), "c@example.org", kNow), 0);
    t.failed(db.db(), "c@example.org", kNow);
  }
  EXPECT_EQ(t.begin(db.db(), "c@example.org", kNow), 0) << "a success clears the count";
}

TEST(SignInThrottle, ParallelAttemptsCannotSlipPastTheLimit) {
  // Five tries at once: all five are checked before any has failed, and a sixth is refused at once.
  testing::TempDb db;
  const accounts::SignInThrottle t("account", 5, 900);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow), 0) << i;
  EXPECT_GT(t.begin(db.db(), "a@example.org", kNow), 0) << "the sixth attempt in flight";
  for (int i = 0; i < 5; ++i) t.failed(db.db(), "a@example.org", kNow);
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 1), 899);
  // An attempt another check refused does not count.
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ(t.begin(db.db(), "b@example.org", kNow), 0);
    t.release(db.db(), "b@example.org");
  }
  EXPECT_EQ(t.begin(db.db(), "b@example.org", kNow), 0);
}

TEST(SignInThrottle, TheCountIsSharedByEveryProcessOnTheDatabase) {
  // Two nodes are two connections to one database: failures on one lock the key on the other, and
  // kinds of key (account, address) never share a count.
  testing::TempDb db;
  auto other_node = store::open(db.path());
  const accounts::SignInThrottle accounts_a("account", 3, 900), accounts_b("account", 3, 900);
  const accounts::SignInThrottle addresses("address", 3, 900);
  for (int i = 0; i < 3; ++i) {
    auto& conn = i % 2 ? *other_node : db.db();
    ASSERT_EQ(accounts_a.begin(conn, "a@example.org", kNow), 0);
    accounts_a.failed(conn, "a@example.org", kNow);
  }
  EXPECT_EQ(accounts_b.begin(*other_node, "a@example.org", kNow + 100), 800);
  EXPECT_EQ(accounts_b.begin(db.db(), "a@example.org", kNow + 100), 800);
  EXPECT_EQ(addresses.begin(*other_node, "a@example.org", kNow + 100), 0);
}

TEST(SignInThrottle, AnAttemptWhoseProcessDiedIsForgottenAfterAMinute) {
  testing::TempDb db;
  const accounts::SignInThrottle t("account", 2, 900);
  ASSERT_EQ(t.begin(db.db(), "a@example.org", kNow), 0);
  ASSERT_EQ(t.begin(db.db(), "a@example.org", kNow), 0);  // neither ends: the process stopped
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 30), 1) << "still in flight: try again in a second";
  EXPECT_EQ(t.begin(db.db(), "a@example.org", kNow + 61), 0) << "in flight for over a minute: forgotten";
}

TEST(SignInThrottle, PurgeForgetsEndedWindowsOnly) {
  testing::TempDb db;
  const accounts::SignInThrottle t("account", 1, accounts::kSignInWindowSeconds);
  ASSERT_EQ(t.begin(db.db(), "old@example.org", kNow), 0);
  t.failed(db.db(), "old@example.org", kNow);
  ASSERT_EQ(t.begin(db.db(), "new@example.org", kNow + 600), 0);
  t.failed(db.db(), "new@example.org", kNow + 600);
  accounts::purge_sign_in_throttle(db.db(), kNow + accounts::kSignInWindowSeconds + 1);
  EXPECT_EQ(t.begin(db.db(), "old@example.org", kNow + 901), 0) << "purged";
  EXPECT_GT(t.begin(db.db(), "new@example.org", kNow + 901), 0) << "its window is still open";
}

TEST(Forms, DecodesUrlEncodedBodies) {
  auto f = http::parse_form("headline=Rates+rise+5%25&body=Line%0D%0ANext&tags=a%2Bb&empty=&flag");
  ASSERT_TRUE(f);
  EXPECT_EQ(http::field(*f, "headline"), "Rates rise 5%");
  EXPECT_EQ(http::field(*f, "body"), "Line\r\nNext");
  EXPECT_EQ(http::field(*f, "tags"), "a+b");
  EXPECT_EQ(http::field(*f, "empty"), "");
  EXPECT_EQ(http::field(*f, "missing"), "");
  EXPECT_EQ(http::field(*http::parse_form("name=Caf%C3%A9"), "name"), "Café");
  EXPECT_FALSE(http::parse_form("a=%ZZ"));
  EXPECT_FALSE(http::parse_form("a=%FF%FE")) << "not UTF-8";
  EXPECT_TRUE(http::parse_form("")->empty());
}

TEST(Cookies, ReadsTheNamedCookie) {
  http::Request req;
  req.headers = {{"cookie", "theme=dark; gazette_session=abc-123 ;other=\"quoted\""}, {"Cookie", "late=1"}};
  EXPECT_EQ(http::cookie(req, "gazette_session"), "abc-123");
  EXPECT_EQ(http::cookie(req, "other"), "quoted");
  EXPECT_EQ(http::cookie(req, "late"), "1");
  EXPECT_FALSE(http::cookie(req, "gazette"));
  EXPECT_FALSE(http::cookie(req, "session"));
}

TEST(Cookies, SetCookieIsHttpOnlySecureAndStrict) {
  EXPECT_EQ(http::set_cookie("s", "v", {}), "s=v; Path=/; Secure; HttpOnly; SameSite=Strict");
  EXPECT_EQ(http::set_cookie("s", "", {.max_age = 0}), "s=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

}  // namespace
}  // namespace gazette

namespace gazette {
namespace {

TEST(SignedToken, OnlyTokensTheServerMadeWithItsSecretPass) {
  const std::string secret = accounts::random_token();
  const std::string token = accounts::signed_token(secret);
  EXPECT_TRUE(accounts::signed_token_valid(secret, token));
  EXPECT_NE(token, accounts::signed_token(secret)) << "each token is random";
  EXPECT_FALSE(accounts::signed_token_valid(accounts::random_token(), token)) << "another site's secret";
  EXPECT_FALSE(accounts::signed_token_valid(secret, "a"));
  EXPECT_FALSE(accounts::signed_token_valid(secret, accounts::random_token()));
  std::string forged = token;
  forged[3] = forged[3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(accounts::signed_token_valid(secret, forged)) << "a changed nonce";
  EXPECT_FALSE(accounts::signed_token_valid("", token));
}

TEST(SignedToken, TheSiteSecretIsMadeOnceAndKept) {
  testing::TempDb t;
  const std::string first = accounts::site_secret(t.db());
  EXPECT_EQ(first.size(), 43u);
  EXPECT_EQ(accounts::site_secret(t.db()), first);
}

}  // namespace
}  // namespace gazette
