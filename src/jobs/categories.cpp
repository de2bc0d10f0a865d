#include "jobs/categories.h"

#include <algorithm>
#include <cstddef>

#include "content/text.h"

namespace gazette::jobs {
namespace {

// ---------------------------------------------------------------------------------------------
// Vocabulary

const std::vector<Category> kCategories = {
    {"senior-management", "Chief executive & senior management"},
    {"adult-social-care", "Adult social care"},
    {"childrens-services", "Children's services"},
    {"education", "Education"},
    {"public-health", "Public health"},
    {"housing", "Housing"},
    {"planning", "Planning"},
    {"regeneration", "Regeneration"},
    {"highways-transport", "Highways & transport"},
    {"environment", "Environment"},
    {"waste", "Waste"},
    {"leisure-culture", "Leisure & culture"},
    {"property-facilities", "Property & facilities"},
    {"finance", "Finance"},
    {"procurement", "Procurement"},
    {"legal-governance", "Legal & governance"},
    {"hr", "HR"},
    {"it-digital", "IT & digital"},
    {"communications", "Communications"},
    {"policy-performance", "Policy, performance & insight"},
    {"customer-services-admin", "Customer services & admin"},
};

// ---------------------------------------------------------------------------------------------
// Keywords. Phrase words are lowercase; a trailing '*' matches any word starting with the stem.
// Weight: 1 weak hint, 2 typical, 3 strong, 4-6 decisive phrase; negative weights are cues against.
// `title_only` keywords are too common in ordinary prose to count in a description ("send", "IT").
// `exact_case` keywords must appear with that capitalisation ("IT", not "it").

struct Keyword {
  std::string_view slug;
  std::string_view phrase;
  double weight;
  bool title_only = false;
  bool exact_case = false;
};

const std::vector<Keyword> kKeywords = {
    // Senior management
    {"senior-management", "chief executive", 8},
    {"senior-management", "deputy chief executive", 8},
    {"senior-management", "managing director", 8},
    {"senior-management", "director", 8},
    {"senior-management", "chief officer", 5},
    {"senior-management", "head of paid service", 6},
    {"senior-management", "section 151 officer", 3},
    {"senior-management", "monitoring officer", 2},
    {"senior-management", "senior leadership team", 1},
    {"senior-management", "executive assistant", -10},
    {"senior-management", "assistant to", -10},
    {"senior-management", "pa to", -10},
    {"senior-management", "office of the chief executive", -4},
    {"senior-management", "programme director", -3},
    {"senior-management", "funeral director", -6},
    // Adult social care
    {"adult-social-care", "adult social care", 6},
    {"adult-social-care", "adult social services", 6},
    {"adult-social-care", "adult*", 3},
    {"adult-social-care", "older people", 3},
    {"adult-social-care", "older adults", 4},
    {"adult-social-care", "social worker", 2},
    {"adult-social-care", "social work", 2},
    {"adult-social-care", "social care", 2},
    {"adult-social-care", "care act", 4},
    {"adult-social-care", "reablement", 4},
    {"adult-social-care", "occupational therapist", 3},
    {"adult-social-care", "occupational therapy", 3},
    {"adult-social-care", "learning disabilit*", 3},
    {"adult-social-care", "physical disabilit*", 3},
    {"adult-social-care", "mental health", 2},
    {"adult-social-care", "amhp", 4},
    {"adult-social-care", "approved mental health professional", 5},
    {"adult-social-care", "deprivation of liberty", 4},
    {"adult-social-care", "dols", 4},
    {"adult-social-care", "care home*", 3},
    {"adult-social-care", "home care", 3},
    {"adult-social-care", "domiciliary", 3},
    {"adult-social-care", "carer*", 2},
    {"adult-social-care", "care worker", 3},
    {"adult-social-care", "care assistant", 3},
    {"adult-social-care", "support worker", 1},
    {"adult-social-care", "day centre", 3},
    {"adult-social-care", "day services", 3},
    {"adult-social-care", "extra care", 3},
    {"adult-social-care", "shared lives", 4},
    {"adult-social-care", "safeguarding adults", 5},
    {"adult-social-care", "dementia", 3},
    {"adult-social-care", "hospital discharge", 3},
    {"adult-social-care", "personal budget*", 3},
    {"adult-social-care", "continuing healthcare", 3},
    // Children's services
    {"childrens-services", "child*", 3},
    {"childrens-services", "young people", 3},
    {"childrens-services", "young person*", 3},
    {"childrens-services", "youth", 3},
    {"childrens-services", "famil*", 2},
    {"childrens-services", "foster*", 4},
    {"childrens-services", "adoption", 4},
    {"childrens-services", "kinship", 4},
    {"childrens-services", "looked after", 4},
    {"childrens-services", "care leaver*", 4},
    {"childrens-services", "leaving care", 4},
    {"childrens-services", "early help", 4},
    {"childrens-services", "youth justice", 5},
    {"childrens-services", "youth offending", 5},
    {"childrens-services", "mash", 3, true},
    {"childrens-services", "multi agency safeguarding hub", 4},
    {"childrens-services", "child protection", 5},
    {"childrens-services", "corporate parent*", 4},
    {"childrens-services", "residential children*", 5},
    {"childrens-services", "edge of care", 4},
    {"childrens-services", "childrens social care", 6},
    {"childrens-services", "social worker", 2},
    {"childrens-services", "social work", 2},
    {"childrens-services", "social care", 1},
    {"childrens-services", "childrens centre*", 3},
    {"childrens-services", "unaccompanied asylum", 4},
    // Education
    {"education", "education*", 3},
    {"education", "school*", 5},
    {"education", "teach*", 3},
    {"education", "teaching assistant", 5},
    {"education", "headteacher", 5},
    {"education", "head teacher", 5},
    {"education", "pupil*", 3},
    {"education", "early years", 4},
    {"education", "nursery", 3},
    {"education", "SEND", 4, true, true},
    {"education", "special educational needs", 5},
    {"education", "ehcp", 4},
    {"education", "ehc plan*", 4},
    {"education", "educational psychologist", 6},
    {"education", "SEN", 3, true, true},
    {"education", "senco", 4},
    {"education", "inclusion", 2},
    {"education", "attendance", 2},
    {"education", "college", 2},
    {"education", "academy", 2},
    {"education", "admissions", 2},
    {"education", "lunchtime supervisor", 4},
    {"education", "midday supervisor", 4},
    {"education", "learning support", 3},
    {"education", "adult learning", 4},
    {"education", "ofsted", 1},
    {"education", "school crossing patrol", -6},
    // Public health
    {"public-health", "public health", 6},
    {"public-health", "health improvement", 5},
    {"public-health", "health protection", 5},
    {"public-health", "health visitor", 4},
    {"public-health", "substance misuse", 4},
    {"public-health", "drug and alcohol", 4},
    {"public-health", "drugs and alcohol", 4},
    {"public-health", "sexual health", 4},
    {"public-health", "stop smoking", 4},
    {"public-health", "smoking cessation", 4},
    {"public-health", "health and wellbeing", 3},
    {"public-health", "healthy", 2},
    {"public-health", "epidemiolog*", 4},
    {"public-health", "health intelligence", 4},
    {"public-health", "health inequalit*", 3},
    {"public-health", "obesity", 3},
    {"public-health", "environmental health", -6},
    // Housing
    {"housing", "housing", 4},
    {"housing", "tenan*", 3},
    {"housing", "homeless*", 4},
    {"housing", "rough sleep*", 4},
    {"housing", "lettings", 3},
    {"housing", "allocations", 3},
    {"housing", "temporary accommodation", 4},
    {"housing", "supported accommodation", 3},
    {"housing", "sheltered", 3},
    {"housing", "landlord*", 2},
    {"housing", "estate officer", 3},
    {"housing", "neighbourhood officer", 3},
    {"housing", "void*", 2},
    {"housing", "repairs", 2},
    {"housing", "disabled facilities grant*", 3},
    {"housing", "housing benefit", -2},
    {"housing", "supported housing", 2},
    // Planning
    {"planning", "planning", 4},
    {"planning", "planner*", 4},
    {"planning", "development management", 5},
    {"planning", "planning enforcement", 5},
    {"planning", "planning policy", 5},
    {"planning", "local plan", 4},
    {"planning", "building control", 5},
    {"planning", "conservation officer", 5},
    {"planning", "listed building*", 3},
    {"planning", "section 106", 3},
    {"planning", "urban design*", 4},
    {"planning", "landscape architect", 3},
    {"planning", "transport planner*", -6},
    {"planning", "transport planning", -6},
    {"planning", "emergency planning", -6},
    {"planning", "workforce planning", -6},
    {"planning", "financial planning", -6},
    {"planning", "care planning", -6},
    {"planning", "business planning", -6},
    {"planning", "resource planning", -6},
    // Regeneration
    {"regeneration", "regenerat*", 5},
    {"regeneration", "economic development", 5},
    {"regeneration", "economic growth", 4},
    {"regeneration", "economy", 2},
    {"regeneration", "inward investment", 5},
    {"regeneration", "town centre*", 4},
    {"regeneration", "high street*", 3},
    {"regeneration", "levelling up", 4},
    {"regeneration", "shared prosperity", 4},
    {"regeneration", "growth", 2},
    {"regeneration", "employment and skills", 4},
    {"regeneration", "skills and employment", 4},
    {"regeneration", "business engagement", 3},
    {"regeneration", "masterplan*", 3},
    {"regeneration", "place shaping", 3},
    {"regeneration", "external funding", 3},
    // Highways & transport
    {"highways-transport", "highway*", 5},
    {"highways-transport", "road*", 3},
    {"highways-transport", "traffic", 4},
    {"highways-transport", "transport*", 4},
    {"highways-transport", "transport planner*", 6},
    {"highways-transport", "street lighting", 5},
    {"highways-transport", "streetworks", 5},
    {"highways-transport", "street works", 5},
    {"highways-transport", "parking", 4},
    {"highways-transport", "car park*", 4},
    {"highways-transport", "civil enforcement officer", 5},
    {"highways-transport", "bridge*", 3},
    {"highways-transport", "structures engineer", 4},
    {"highways-transport", "drainage engineer", 3},
    {"highways-transport", "civil engineer*", 3},
    {"highways-transport", "bus", 3},
    {"highways-transport", "passenger", 3},
    {"highways-transport", "active travel", 5},
    {"highways-transport", "cycling", 3},
    {"highways-transport", "school crossing patrol", 7},
    {"highways-transport", "gritting", 4},
    {"highways-transport", "winter maintenance", 4},
    {"highways-transport", "fleet", 2},
    {"highways-transport", "driver", 1},
    {"highways-transport", "rights of way", 3},
    // Environment (including regulatory services / public protection)
    {"environment", "environment*", 4},
    {"environment", "environmental health", 6},
    {"environment", "ecolog*", 4},
    {"environment", "biodiversity", 4},
    {"environment", "climate", 4},
    {"environment", "sustainab*", 3},
    {"environment", "carbon", 3},
    {"environment", "net zero", 4},
    {"environment", "flood*", 4},
    {"environment", "countryside", 4},
    {"environment", "park*", 2},
    {"environment", "green space*", 3},
    {"environment", "grounds maintenance", 4},
    {"environment", "tree*", 3},
    {"environment", "arboricultur*", 5},
    {"environment", "trading standards", 5},
    {"environment", "licensing", 3},
    {"environment", "food safety", 4},
    {"environment", "pest control", 4},
    {"environment", "air quality", 4},
    {"environment", "contaminated land", 4},
    {"environment", "noise", 2},
    {"environment", "dog warden", 4},
    {"environment", "energy", 2},
    {"environment", "waste", -2},
    {"environment", "car park*", -4},
    // Waste
    {"waste", "waste", 5},
    {"waste", "recycling", 5},
    {"waste", "refuse", 5},
    {"waste", "street cleansing", 5},
    {"waste", "cleansing", 4},
    {"waste", "street scene", 4},
    {"waste", "loader", 3},
    {"waste", "hgv", 3},
    {"waste", "bin*", 3},
    {"waste", "fly tipping", 4},
    {"waste", "household waste", 5},
    {"waste", "crew", 1},
    // Leisure & culture
    {"leisure-culture", "leisure", 5},
    {"leisure-culture", "librar*", 5},
    {"leisure-culture", "museum*", 5},
    {"leisure-culture", "archiv*", 4},
    {"leisure-culture", "arts", 4},
    {"leisure-culture", "culture", 4},
    {"leisure-culture", "cultural", 4},
    {"leisure-culture", "heritage", 3},
    {"leisure-culture", "sport*", 4},
    {"leisure-culture", "swimming", 4},
    {"leisure-culture", "lifeguard*", 5},
    {"leisure-culture", "fitness", 4},
    {"leisure-culture", "gym", 3},
    {"leisure-culture", "theatre*", 4},
    {"leisure-culture", "events", 3},
    {"leisure-culture", "tourism", 4},
    {"leisure-culture", "visitor*", 2},
    {"leisure-culture", "gallery", 4},
    // Property & facilities
    {"property-facilities", "property", 4},
    {"property-facilities", "properties", 3},
    {"property-facilities", "estates", 4},
    {"property-facilities", "asset*", 3},
    {"property-facilities", "facilities", 4},
    {"property-facilities", "surveyor", 4},
    {"property-facilities", "building surveyor", 5},
    {"property-facilities", "quantity surveyor", 5},
    {"property-facilities", "valuer", 5},
    {"property-facilities", "valuation", 3},
    {"property-facilities", "caretaker", 4},
    {"property-facilities", "cleaner", 4},
    {"property-facilities", "cleaning", 3},
    {"property-facilities", "maintenance", 2},
    {"property-facilities", "building maintenance", 4},
    {"property-facilities", "electrician", 4},
    {"property-facilities", "plumber", 4},
    {"property-facilities", "mechanical and electrical", 4},
    {"property-facilities", "clerk of works", 5},
    {"property-facilities", "capital projects", 3},
    {"property-facilities", "construction", 2},
    {"property-facilities", "architect", 3},
    {"property-facilities", "corporate landlord", 5},
    {"property-facilities", "building services", 4},
    // Finance
    {"finance", "financ*", 4},
    {"finance", "accountan*", 5},
    {"finance", "accounts", 4},
    {"finance", "accounting", 4},
    {"finance", "audit*", 4},
    {"finance", "pension*", 4},
    {"finance", "treasury", 4},
    {"finance", "revenues", 4},
    {"finance", "council tax", 5},
    {"finance", "business rates", 5},
    {"finance", "benefits officer", 4},
    {"finance", "benefits assessor", 5},
    {"finance", "revenues and benefits", 5},
    {"finance", "housing benefit", 5},
    {"finance", "payroll", 3},
    {"finance", "payments", 2},
    {"finance", "budget*", 2},
    {"finance", "exchequer", 5},
    {"finance", "insurance", 3},
    {"finance", "debt*", 3},
    {"finance", "income", 2},
    {"finance", "fraud", 3},
    {"finance", "cipfa", 3},
    {"finance", "section 151", 3},
    {"finance", "s151", 3},
    {"finance", "investment*", 2},
    // Procurement
    {"procurement", "procure*", 5},
    {"procurement", "buyer", 4},
    {"procurement", "purchasing", 4},
    {"procurement", "category manager", 4},
    {"procurement", "supply chain", 4},
    {"procurement", "tender*", 3},
    {"procurement", "contract manager", 3},
    {"procurement", "contract management", 3},
    {"procurement", "contracts", 2},
    {"procurement", "commissioning", 1},
    {"procurement", "social value", 2},
    // Legal & governance
    {"legal-governance", "legal*", 5},
    {"legal-governance", "solicitor*", 6},
    {"legal-governance", "lawyer", 6},
    {"legal-governance", "barrister", 6},
    {"legal-governance", "paralegal", 6},
    {"legal-governance", "litigation", 5},
    {"legal-governance", "conveyanc*", 5},
    {"legal-governance", "democratic services", 6},
    {"legal-governance", "democratic", 4},
    {"legal-governance", "committee*", 3},
    {"legal-governance", "elections", 5},
    {"legal-governance", "electoral", 5},
    {"legal-governance", "governance", 4},
    {"legal-governance", "information governance", 5},
    {"legal-governance", "data protection", 4},
    {"legal-governance", "freedom of information", 4},
    {"legal-governance", "monitoring officer", 5},
    {"legal-governance", "scrutiny", 4},
    {"legal-governance", "member services", 4},
    {"legal-governance", "registrar", 4},
    {"legal-governance", "coroner*", 4},
    {"legal-governance", "risk", 1},
    // HR
    {"hr", "hr", 5},
    {"hr", "human resources", 6},
    {"hr", "people services", 4},
    {"hr", "recruitment", 3},
    {"hr", "resourcing", 3},
    {"hr", "workforce", 3},
    {"hr", "organisational development", 5},
    {"hr", "learning and development", 4},
    {"hr", "employee relations", 5},
    {"hr", "occupational health", 4},
    {"hr", "health and safety", 3},
    {"hr", "payroll", 2},
    {"hr", "talent", 2},
    {"hr", "apprenticeship*", 2},
    // IT & digital
    {"it-digital", "ict", 5},
    {"it-digital", "IT", 5, true, true},
    {"it-digital", "digital", 4},
    {"it-digital", "developer", 5},
    {"it-digital", "software", 5},
    {"it-digital", "service desk", 5},
    {"it-digital", "cyber", 5},
    {"it-digital", "network*", 3},
    {"it-digital", "infrastructure engineer", 4},
    {"it-digital", "systems", 2},
    {"it-digital", "database*", 4},
    {"it-digital", "data engineer", 5},
    {"it-digital", "web", 3},
    {"it-digital", "gis", 4},
    {"it-digital", "technology", 3},
    {"it-digital", "technical support", 3},
    {"it-digital", "devops", 5},
    {"it-digital", "cloud", 4},
    {"it-digital", "solution architect", 6},
    {"it-digital", "technical architect", 6},
    {"it-digital", "enterprise architect", 6},
    {"it-digital", "business analyst", 3},
    {"it-digital", "product manager", 3},
    {"it-digital", "user research*", 4},
    {"it-digital", "service designer", 4},
    {"it-digital", "ux", 4},
    {"it-digital", "applications", 2},
    {"it-digital", "microsoft", 2},
    // Communications
    {"communications", "communications", 5},
    {"communications", "comms", 5},
    {"communications", "press officer", 6},
    {"communications", "media", 3},
    {"communications", "social media", 4},
    {"communications", "marketing", 5},
    {"communications", "public relations", 5},
    {"communications", "PR", 4, true, true},
    {"communications", "campaign*", 3},
    {"communications", "graphic design*", 5},
    {"communications", "content designer", 3},
    {"communications", "copywriter", 5},
    {"communications", "engagement", 2},
    {"communications", "consultation", 2},
    {"communications", "network communications", -5},
    // Policy, performance & insight
    {"policy-performance", "policy", 3},
    {"policy-performance", "performance", 3},
    {"policy-performance", "insight", 3},
    {"policy-performance", "research officer", 4},
    {"policy-performance", "data analyst", 4},
    {"policy-performance", "intelligence", 2},
    {"policy-performance", "strategy", 2},
    {"policy-performance", "transformation", 2},
    {"policy-performance", "business intelligence", 4},
    {"policy-performance", "analyst", 2},
    {"policy-performance", "corporate", 1},
    {"policy-performance", "planning policy", -4},
    // Customer services & admin
    {"customer-services-admin", "customer service*", 5},
    {"customer-services-admin", "customer advisor", 5},
    {"customer-services-admin", "customer adviser", 5},
    {"customer-services-admin", "contact centre", 5},
    {"customer-services-admin", "receptionist", 4},
    {"customer-services-admin", "reception", 3},
    {"customer-services-admin", "administrator", 4},
    {"customer-services-admin", "administrative", 4},
    {"customer-services-admin", "administration", 4},
    {"customer-services-admin", "admin", 4},
    {"customer-services-admin", "business support", 4},
    {"customer-services-admin", "clerk", 3},
    {"customer-services-admin", "personal assistant", 6},
    {"customer-services-admin", "executive assistant", 6},
    {"customer-services-admin", "pa to", 6},
    {"customer-services-admin", "secretary", 4},
    {"customer-services-admin", "data entry", 4},
    {"customer-services-admin", "office manager", 4},
    {"customer-services-admin", "complaints", 3},
    {"customer-services-admin", "mailroom", 4},
};

// ---------------------------------------------------------------------------------------------
// Words

struct Words {
  std::vector<std::string> lower, original;
};

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Splits into ASCII alphanumeric words. Apostrophes inside a word are dropped ("children's" ->
// "childrens") and '&' becomes "and", so "Children's" and "learning & development" match the table.
Words split_words(std::string_view s) {
  Words w;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    w.original.push_back(cur);
    for (auto& c : cur) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    w.lower.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (ascii_alnum(c)) {
      cur += static_cast<char>(c);
    } else if (c == '\'' && !cur.empty()) {
      continue;
    } else if (s.substr(i, 3) == "\xE2\x80\x99" && !cur.empty()) {  // ’
      i += 2;
    } else {
      flush();
      if (c == '&') {
        cur = "and";
        flush();
      }
    }
  }
  flush();
  return w;
}

bool word_matches(std::string_view pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.compare(0, pattern.size() - 1, pattern.substr(0, pattern.size() - 1)) == 0;
  return word == pattern;
}

struct Hit {
  std::size_t keyword, start, len;
};

// Each keyword's phrase split into words, once (thread-safe static initialisation).
const std::vector<std::vector<std::string_view>>& keyword_words() {
  static const auto table = [] {
    std::vector<std::vector<std::string_view>> t;
    for (const auto& kw : kKeywords) t.push_back(content::split_spaces(kw.phrase));
    return t;
  }();
  return table;
}

// All places each keyword occurs.
std::vector<Hit> find_hits(const Words& w, bool in_title) {
  std::vector<Hit> hits;
  for (std::size_t k = 0; k < kKeywords.size(); ++k) {
    const auto& kw = kKeywords[k];
    if (kw.title_only && !in_title) continue;
    const auto& parts = keyword_words()[k];
    const auto& words = kw.exact_case ? w.original : w.lower;
    for (std::size_t i = 0; i + parts.size() <= words.size(); ++i) {
      std::size_t j = 0;
      while (j < parts.size() && word_matches(parts[j], words[i + j])) ++j;
      if (j == parts.size()) hits.push_back({k, i, parts.size()});
    }
  }
  return hits;
}

std::size_t category_index(std::string_view slug) {
  for (std::size_t i = 0; i < kCategories.size(); ++i)
    if (kCategories[i].slug == slug) return i;
  return kCategories.size();
}

// Evidence per category from one text. Phrases beat single words: a positive match is dropped when
// a longer positive match (of any category) covers any of its words, so "transport planner" does
// not also count as "planner". Negative cues always apply. Each keyword counts once.
std::vector<double> evidence(const Words& w, bool in_title) {
  auto hits = find_hits(w, in_title);
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.len > b.len; });
  std::vector<std::size_t> covered(w.lower.size(), 0);  // longest accepted match over each word
  std::vector<bool> counted(kKeywords.size(), false);
  std::vector<double> score(kCategories.size(), 0);
  for (const auto& h : hits) {
    const auto& kw = kKeywords[h.keyword];
    if (kw.weight > 0) {
      bool beaten = false;
      for (std::size_t i = h.start; i < h.start + h.len; ++i) beaten = beaten || covered[i] > h.len;
      if (beaten) continue;
      for (std::size_t i = h.start; i < h.start + h.len; ++i) covered[i] = std::max(covered[i], h.len);
    }
    if (counted[h.keyword]) continue;
    counted[h.keyword] = true;
    score[category_index(kw.slug)] += kw.weight;
  }
  return score;
}

// Title evidence counts double, description evidence half, and a description can add at most
// kDescriptionCap to a category: the title says what the job is; the description only gives context.
constexpr double kTitleFactor = 2.0;
constexpr double kDescriptionFactor = 0.5;
constexpr double kDescriptionCap = 4.0;

}  // namespace

const std::vector<Category>& categories() {
  return kCategories;
}

std::string category_name(std::string_view slug) {
  std::size_t i = category_index(slug);
  return i < kCategories.size() ? kCategories[i].name : std::string();
}

Classification classify_job(std::string_view title, std::string_view description) {
  auto t = evidence(split_words(title), true);
  auto d = evidence(split_words(description), false);
  std::vector<double> total(kCategories.size());
  for (std::size_t i = 0; i < total.size(); ++i)
    total[i] = t[i] * kTitleFactor + std::min(d[i] * kDescriptionFactor, kDescriptionCap);
  std::size_t best = 0, second = kCategories.size();
  for (std::size_t i = 1; i < total.size(); ++i) {
    if (total[i] > total[best]) {
      second = best;
      best = i;
    } else if (second == kCategories.size() || total[i] > total[second]) {
      second = i;
    }
  }
  double runner_up = second < total.size() ? std::max(total[second], 0.0) : 0.0;
  if (total[best] < kMinCategoryScore || total[best] - runner_up < kMinCategoryMargin) return {};
  return {kCategories[best].slug, total[best]};
}

}  // namespace gazette::jobs
