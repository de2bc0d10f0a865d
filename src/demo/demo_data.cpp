// Demo-content generator: composes UK local-government trade-press articles from the word lists and
// sentence templates below. Every word of output comes from this file; nothing is read at run time.
//
// How it works, briefly:
//   * A per-article context (council, topic, speaker, dates, byline) is chosen first, so the headline,
//     standfirst and body all talk about the same place and subject.
//   * Templates contain `$x` placeholders (see Impl::expand_key) that draw from the context or the lists.
//   * A splitmix64 PRNG with our own range mapping keeps output identical across standard libraries.
//   * Headlines are made unique by a hash set of everything emitted so far; on a collision we append a
//     distinguishing phrase, and if that keeps colliding we compose a fresh headline.
#include "demo/demo_data.h"

#include "demo/demo_random.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_set>
#include <vector>

namespace gazette::demo {
namespace {

using content::ArticleInput;
using content::AuthorProfile;
using content::Section;
using content::Status;

using Rng = DemoRng;

// ---------------------------------------------------------------------------------------------------
// Places

enum Region { kNorthWest, kNorthEast, kYorkshire, kEastMids, kWestMids, kEast, kLondon, kSouthEast,
              kSouthWest, kWales, kScotland, kNorthernIreland };

constexpr std::string_view kRegionNames[] = {
    "the North West", "the North East", "Yorkshire and the Humber", "the East Midlands",
    "the West Midlands", "the East of England", "London", "the South East", "the South West",
    "Wales", "Scotland", "Northern Ireland"};

// `full` is how journalists name the authority in copy; `place` is the short form used in headlines.
struct Council {
  std::string_view full;
  std::string_view place;
  Region region;
};

constexpr Council kCouncils[] = {
    {"Leeds City Council", "Leeds", kYorkshire},
    {"Essex CC", "Essex", kEast},
    {"Southwark LBC", "Southwark", kLondon},
    {"Stockport MBC", "Stockport", kNorthWest},
    {"Runnymede BC", "Runnymede", kSouthEast},
    {"Sevenoaks DC", "Sevenoaks", kSouthEast},
    {"Kingston RLBC", "Kingston", kLondon},
    {"West Berkshire Council", "West Berkshire", kSouthEast},
    {"London Borough of Camden", "Camden", kLondon},
    {"Cornwall Council", "Cornwall", kSouthWest},
    {"Glasgow City Council", "Glasgow", kScotland},
    {"Cardiff Council", "Cardiff", kWales},
    {"Manchester City Council", "Manchester", kNorthWest},
    {"Birmingham City Council", "Birmingham", kWestMids},
    {"Liverpool City Council", "Liverpool", kNorthWest},
    {"Bristol City Council", "Bristol", kSouthWest},
    {"Sheffield City Council", "Sheffield", kYorkshire},
    {"Newcastle City Council", "Newcastle", kNorthEast},
    {"Nottingham City Council", "Nottingham", kEastMids},
    {"Leicester City Council", "Leicester", kEastMids},
    {"Kent CC", "Kent", kSouthEast},
    {"Surrey CC", "Surrey", kSouthEast},
    {"Hampshire CC", "Hampshire", kSouthEast},
    {"Lancashire CC", "Lancashire", kNorthWest},
    {"Norfolk CC", "Norfolk", kEast},
    {"Suffolk CC", "Suffolk", kEast},
    {"Devon CC", "Devon", kSouthWest},
    {"Hertfordshire CC", "Hertfordshire", kEast},
    {"Nottinghamshire CC", "Nottinghamshire", kEastMids},
    {"Derbyshire CC", "Derbyshire", kEastMids},
    {"Staffordshire CC", "Staffordshire", kWestMids},
    {"Lincolnshire CC", "Lincolnshire", kEastMids},
    {"Oxfordshire CC", "Oxfordshire", kSouthEast},
    {"Cambridgeshire CC", "Cambridgeshire", kEast},
    {"Warwickshire CC", "Warwickshire", kWestMids},
    {"Gloucestershire CC", "Gloucestershire", kSouthWest},
    {"Somerset Council", "Somerset", kSouthWest},
    {"Shropshire Council", "Shropshire", kWestMids},
    {"Wiltshire Council", "Wiltshire", kSouthWest},
    {"Durham County Council", "Durham", kNorthEast},
    {"Northumberland CC", "Northumberland", kNorthEast},
    {"Buckinghamshire Council", "Buckinghamshire", kSouthEast},
    {"North Yorkshire Council", "North Yorkshire", kYorkshire},
    {"Cumberland Council", "Cumberland", kNorthWest},
    {"Wigan MBC", "Wigan", kNorthWest},
    {"Bolton MBC", "Bolton", kNorthWest},
    {"Oldham MBC", "Oldham", kNorthWest},
    {"Gateshead Council", "Gateshead", kNorthEast},
    {"Sunderland City Council", "Sunderland", kNorthEast},
    {"Kirklees Council", "Kirklees", kYorkshire},
    {"Calderdale MBC", "Calderdale", kYorkshire},
    {"Barnsley MBC", "Barnsley", kYorkshire},
    {"Doncaster Council", "Doncaster", kYorkshire},
    {"Sandwell MBC", "Sandwell", kWestMids},
    {"Dudley MBC", "Dudley", kWestMids},
    {"Coventry City Council", "Coventry", kWestMids},
    {"Solihull MBC", "Solihull", kWestMids},
    {"Tower Hamlets LBC", "Tower Hamlets", kLondon},
    {"Hackney LBC", "Hackney", kLondon},
    {"Lambeth LBC", "Lambeth", kLondon},
    {"Croydon LBC", "Croydon", kLondon},
    {"Barnet LBC", "Barnet", kLondon},
    {"Newham LBC", "Newham", kLondon},
    {"Islington LBC", "Islington", kLondon},
    {"Westminster City Council", "Westminster", kLondon},
    {"Royal Borough of Greenwich", "Greenwich", kLondon},
    {"Windsor and Maidenhead RBC", "Windsor and Maidenhead", kSouthEast},
    {"Brighton and Hove City Council", "Brighton and Hove", kSouthEast},
    {"Milton Keynes City Council", "Milton Keynes", kSouthEast},
    {"Reading BC", "Reading", kSouthEast},
    {"Swindon BC", "Swindon", kSouthWest},
    {"Plymouth City Council", "Plymouth", kSouthWest},
    {"Portsmouth City Council", "Portsmouth", kSouthEast},
    {"Southampton City Council", "Southampton", kSouthEast},
    {"Cheltenham BC", "Cheltenham", kSouthWest},
    {"Maidstone BC", "Maidstone", kSouthEast},
    {"Tunbridge Wells BC", "Tunbridge Wells", kSouthEast},
    {"South Cambridgeshire DC", "South Cambridgeshire", kEast},
    {"East Devon DC", "East Devon", kSouthWest},
    {"Mid Suffolk DC", "Mid Suffolk", kEast},
    {"Stroud DC", "Stroud", kSouthWest},
    {"City of Edinburgh Council", "Edinburgh", kScotland},
    {"Fife Council", "Fife", kScotland},
    {"Highland Council", "Highland", kScotland},
    {"Aberdeen City Council", "Aberdeen", kScotland},
    {"Swansea Council", "Swansea", kWales},
    {"Gwynedd Council", "Gwynedd", kWales},
    {"Newport City Council", "Newport", kWales},
    {"Belfast City Council", "Belfast", kNorthernIreland},
};
constexpr std::size_t kCouncilCount = std::size(kCouncils);

// ---------------------------------------------------------------------------------------------------
// Topics: each bundles the vocabulary a story about that subject needs. Noun phrases are written to sit
// in object position ("pressure on $T"), so templates never need subject-verb agreement with them.

struct Topic {
  std::string_view tag;        // primary tag
  std::string_view portfolio;  // "cabinet member for <portfolio>"
  std::string_view officer;    // lead officer title, lower case
  std::vector<std::string_view> heads;    // short noun phrases for headlines
  std::vector<std::string_view> hissues;  // short issue phrases for headlines
  std::vector<std::string_view> nouns;    // body noun phrases
  std::vector<std::string_view> issues;   // body issue phrases
  std::vector<std::string_view> actions;  // things a council does, with article
  std::vector<std::string_view> bodies;   // national bodies with an interest
  std::vector<std::string_view> related;  // secondary tags
};

const std::vector<Topic>& topics() {
  static const std::vector<Topic> kTopics = {
      {"Adult social care", "adult social care", "director of adult social services",
       {"adult social care", "care costs", "home care", "care home fees", "hospital discharge", "care markets"},
       {"care market fragility", "rising care costs", "social care pressures", "care workforce shortages"},
       {"adult social care", "home care services", "care home placements", "reablement", "support for older people"},
       {"rising demand from an ageing population", "the gap between fee rates and the real cost of care",
        "recruitment and retention problems in the care workforce", "delays in discharging patients from hospital",
        "the growing number of working-age adults with complex needs"},
       {"a new reablement service", "an integrated discharge team with the local NHS trust",
        "a fair cost of care exercise", "a bigger role for technology-enabled care",
        "a recruitment campaign for home care workers"},
       {"the Association of Directors of Adult Social Services", "the Care Quality Commission"},
       {"NHS integration", "Workforce", "Finance", "Public health"}},
      {"Children's services", "children and families", "director of children's services",
       {"children's services", "children's social care", "care placements", "early help", "fostering"},
       {"placement costs", "children's care pressures", "social worker shortages", "rising care numbers"},
       {"children's social care", "early help services", "foster care", "residential placements",
        "support for care leavers"},
       {"the soaring cost of residential placements", "a shortage of foster carers",
        "the rising number of children in care", "a reliance on agency social workers",
        "profit-making in the children's home market"},
       {"an in-house fostering recruitment drive", "two new council-run children's homes",
        "a family hubs programme", "a refreshed early help offer", "a regional adoption partnership"},
       {"the Association of Directors of Children's Services", "Ofsted"},
       {"Workforce", "Finance", "Education", "Safeguarding"}},
      {"SEND", "education and SEND", "director of children's services",
       {"SEND provision", "high-needs funding", "SEND transport", "special school places", "EHCP assessments"},
       {"high-needs deficits", "EHCP delays", "SEND transport costs", "special school shortages"},
       {"special educational needs provision", "home-to-school transport", "high-needs budgets",
        "education, health and care plans", "specialist school places"},
       {"the growing deficit on the dedicated schools grant",
        "long waits for education, health and care plan assessments",
        "the rising cost of independent special school places", "the looming end of the statutory override",
        "a rise in tribunal appeals from parents"},
       {"a Safety Valve agreement with the Department for Education", "new specialist units in mainstream schools",
        "a review of home-to-school transport", "an early identification programme in nurseries",
        "additional educational psychologist posts"},
       {"the Department for Education", "the County Councils Network"},
       {"Education", "Children's services", "Finance"}},
      {"Housing", "housing", "director of housing",
       {"housing", "affordable homes", "council housing", "housing delivery", "social rent", "damp and mould"},
       {"the housing shortage", "housebuilding delays", "damp and mould complaints", "repair backlogs"},
       {"council housing", "affordable housing", "the housing revenue account", "housing repairs",
        "the private rented sector"},
       {"the shortage of genuinely affordable homes", "rising construction and borrowing costs",
        "the condition of older council homes", "pressure on the housing revenue account",
        "poor standards in the private rented sector"},
       {"a council housebuilding programme", "a wholly owned housing company",
        "a selective licensing scheme for private landlords", "a stock condition survey of all council homes",
        "a retrofit programme for older homes"},
       {"the Regulator of Social Housing", "the Housing Ombudsman"},
       {"Homelessness", "Regeneration", "Finance", "Planning", "Net zero"}},
      {"Homelessness", "housing and homelessness", "head of housing options",
       {"homelessness", "temporary accommodation", "rough sleeping", "homelessness prevention"},
       {"temporary accommodation costs", "rising homelessness", "rough sleeping numbers"},
       {"temporary accommodation", "homelessness services", "support for rough sleepers",
        "homelessness prevention"},
       {"the spiralling cost of temporary accommodation", "a rise in families presenting as homeless",
        "the freeze in local housing allowance rates", "evictions from the private rented sector",
        "a lack of move-on accommodation"},
       {"a homelessness prevention fund", "a programme to buy homes for use as temporary accommodation",
        "a Housing First pilot", "a dedicated private landlord incentive scheme"},
       {"Crisis", "the District Councils' Network"},
       {"Housing", "Finance", "Public health", "Communities"}},
      {"Planning", "planning and regeneration", "head of planning",
       {"planning", "local plans", "housing targets", "green belt", "planning enforcement"},
       {"planning backlogs", "the housing target row", "green belt pressure"},
       {"the local plan", "planning applications", "the planning service", "design standards",
        "planning enforcement"},
       {"changes to national housing targets", "a backlog of planning applications",
        "a shortage of experienced planning officers", "a rise in developer appeals",
        "delays in infrastructure funding"},
       {"a new local plan", "a design code for town centres", "a digital planning service",
        "planning performance agreements with developers", "a review of green belt boundaries"},
       {"the Planning Inspectorate", "the Royal Town Planning Institute"},
       {"Housing", "Regeneration", "Climate"}},
      {"Highways", "highways and transport", "director of highways and transport",
       {"potholes", "road maintenance", "bus services", "highways", "active travel", "parking"},
       {"the pothole backlog", "bus cuts", "road repair costs"},
       {"road maintenance", "local bus services", "the highway network", "active travel schemes",
        "street lighting"},
       {"the backlog of road repairs", "falling bus passenger numbers", "rising costs for highways contracts",
        "the end of short-term transport funding", "concerns about low-traffic neighbourhoods"},
       {"a new highways maintenance contract", "an enhanced partnership with bus operators",
        "a network of segregated cycle lanes", "an LED street lighting upgrade", "a pothole repair blitz"},
       {"the Department for Transport", "the Asphalt Industry Alliance"},
       {"Transport", "Climate", "Finance", "Procurement"}},
      {"Levelling up", "economic development and regeneration", "director of regeneration",
       {"levelling up", "town centre regeneration", "regeneration funding", "high street renewal"},
       {"levelling up delays", "bid fatigue", "regeneration funding gaps"},
       {"levelling up funding", "town centre regeneration", "the towns fund programme", "high street renewal"},
       {"the cost of competitive bidding for small pots of money",
        "construction inflation eroding regeneration budgets", "delays in releasing levelling up funding",
        "the gap in productivity between regions"},
       {"a town centre masterplan", "a bid to the Levelling Up Fund", "a new cultural quarter",
        "the purchase of a vacant shopping centre"},
       {"the Key Cities group", "the Centre for Cities"},
       {"Regeneration", "Economic development", "Devolution", "Finance"}},
      {"Devolution", "strategy and devolution", "chief executive",
       {"devolution", "devolution deals", "combined authorities", "mayoral devolution", "reorganisation"},
       {"devolution deadlock", "reorganisation uncertainty", "mayoral deal delays"},
       {"devolution", "the combined authority", "local government reorganisation", "the devolution deal"},
       {"the slow pace of devolution outside the big cities", "disagreement between councils over governance",
        "the requirement for a directly elected mayor", "the limited fiscal powers on offer"},
       {"a county devolution deal", "a proposal for a single unitary authority",
        "a new combined county authority", "an investment fund controlled locally"},
       {"the County Councils Network", "the Local Government Information Unit"},
       {"Governance", "Economic development", "Levelling up"}},
      {"Finance", "finance and resources", "director of finance",
       {"budget setting", "council tax", "reserves", "financial resilience", "savings plans", "borrowing"},
       {"the budget gap", "section 114 fears", "dwindling reserves", "the funding shortfall"},
       {"core services", "council tax support", "capital investment", "debt repayment",
        "commercial investments"},
       {"a widening budget gap", "the risk of issuing a section 114 notice",
        "the cost of servicing past borrowing", "the uncertainty of one-year funding settlements",
        "inflation in contract and energy costs", "the repeatedly delayed fair funding review"},
       {"a package of savings", "a council tax rise of 4.99%", "a request for exceptional financial support",
        "a review of its commercial property portfolio", "a zero-based budgeting exercise"},
       {"the Chartered Institute of Public Finance and Accountancy", "the Institute for Fiscal Studies"},
       {"Council tax", "Audit", "Governance", "Fair funding"}},
      {"Audit", "finance and governance", "monitoring officer",
       {"audit", "governance", "financial reporting", "external audit", "value for money"},
       {"the audit backlog", "governance failings", "unsigned accounts"},
       {"the annual accounts", "governance arrangements", "internal audit", "the audit committee",
        "risk management"},
       {"the national backlog of unaudited accounts", "weaknesses in governance highlighted by auditors",
        "a shortage of qualified auditors", "concerns about oversight of council-owned companies"},
       {"a governance improvement plan", "an independent member on the audit committee",
        "a review of its companies", "a new risk management framework"},
       {"the National Audit Office", "Public Sector Audit Appointments"},
       {"Finance", "Governance", "Scrutiny"}},
      {"Workforce", "corporate services", "director of people",
       {"recruitment", "pay", "agency staff", "apprenticeships", "workforce planning", "hybrid working"},
       {"staff shortages", "the pay dispute", "the recruitment crisis"},
       {"the council's workforce", "recruitment and retention", "agency staffing", "apprenticeships", "staff wellbeing"},
       {"difficulty recruiting to specialist roles", "the rising cost of agency staff",
        "the national pay offer", "an ageing workforce", "competition from the private sector for skilled staff"},
       {"a ‘grow your own’ apprenticeship scheme", "a new employee value proposition", "a hybrid working policy",
        "a cap on agency rates agreed with neighbouring councils", "a leadership development programme"},
       {"the Local Government Association", "Unison"},
       {"Leadership", "Skills", "Equalities"}},
      {"Digital", "digital and customer services", "chief digital officer",
       {"digital services", "AI", "data", "IT systems", "cyber security", "online services"},
       {"IT failure", "cyber attacks", "legacy IT problems"},
       {"digital services", "the council's IT systems", "data sharing", "artificial intelligence", "cyber security"},
       {"reliance on ageing legacy systems", "the growing threat of cyber attacks",
        "digital exclusion among older residents", "the cost of software licences",
        "fragmented data across departments"},
       {"a new customer portal", "a single view of the resident",
        "a pilot using artificial intelligence to triage enquiries", "a move to cloud-based systems",
        "a digital inclusion programme"},
       {"the Local Digital team", "the Society for Innovation, Technology and Modernisation"},
       {"Data", "Cyber security", "Transformation", "Customer services"}},
      {"Climate", "climate and environment", "head of climate and sustainability",
       {"net zero", "climate action", "retrofit", "flood defences", "solar power", "EV charging"},
       {"net zero slippage", "flood risk", "retrofit costs"},
       {"the council's net zero plans", "home retrofit", "flood defences", "electric vehicle charging",
        "the council's vehicle fleet"},
       {"the cost of meeting its net zero target", "increasing flood risk",
        "the lack of long-term funding for retrofit", "slow progress on reducing emissions from transport",
        "grid capacity constraints"},
       {"a council-owned solar farm", "a retrofit programme for social housing",
        "an electric refuse collection fleet", "a network of on-street charging points",
        "a local area energy plan"},
       {"the Climate Change Committee", "UK100"},
       {"Net zero", "Housing", "Transport", "Environment"}},
      {"Elections", "democratic services", "returning officer",
       {"elections", "voter ID", "boundary changes", "polling stations", "councillor safety"},
       {"voter ID problems", "election costs", "councillor abuse"},
       {"the local elections", "electoral services", "voter registration", "councillor safety",
        "polling arrangements"},
       {"voters being turned away for lack of photo ID", "abuse and intimidation of councillors",
        "low turnout in local elections", "the pressure on electoral services staff"},
       {"a voter registration drive", "new safety measures for councillors", "a review of polling districts",
        "a move to all-out elections"},
       {"the Electoral Commission", "the Association of Electoral Administrators"},
       {"Governance", "Equalities", "Communities"}},
      {"Public health", "health and wellbeing", "director of public health",
       {"public health", "health inequalities", "obesity", "drug services", "public health funding"},
       {"public health cuts", "health inequalities", "drug deaths"},
       {"public health services", "drug and alcohol services", "sexual health services",
        "stop smoking services", "health visiting"},
       {"real-terms cuts to the public health grant", "widening health inequalities",
        "rising drug-related deaths", "late confirmation of public health allocations"},
       {"a healthy weight strategy", "a new drug and alcohol treatment service",
        "a health inequalities partnership with the integrated care board",
        "a community health champions programme"},
       {"the Association of Directors of Public Health", "the King's Fund"},
       {"NHS integration", "Equalities", "Communities"}},
      {"Waste", "environment and waste", "head of environmental services",
       {"bin collections", "recycling", "fly-tipping", "waste contracts", "food waste"},
       {"the bin strike", "the fly-tipping rise", "falling recycling rates"},
       {"waste collection", "recycling", "street cleansing", "household waste recycling centres"},
       {"changes to national recycling rules", "a rise in fly-tipping",
        "the cost of the waste disposal contract", "industrial action by refuse crews"},
       {"weekly food waste collections", "a new waste collection contract", "a crackdown on fly-tipping",
        "a switch to three-weekly residual waste collections"},
       {"the Local Government Association", "the Environmental Services Association"},
       {"Environment", "Climate", "Procurement"}},
  };
  return kTopics;
}

// Tags that suit almost any story; added now and then so the tag cloud is not purely topic-driven.
constexpr std::string_view kGeneralTags[] = {"Leadership", "Partnerships", "Transformation", "Finance",
                                             "Commercialisation", "Governance", "Workforce", "Scrutiny"};

// ---------------------------------------------------------------------------------------------------
// People

constexpr std::string_view kFirstNames[] = {
    "Alison", "Andrew", "Angela", "Anil", "Barbara", "Ben", "Carol", "Chris", "Claire", "Colin",
    "David", "Deborah", "Dominic", "Elaine", "Emma", "Fatima", "Gail", "Gary", "Hamid", "Heather",
    "Ian", "Imran", "Jacqui", "Jane", "Jason", "Jenny", "John", "Julie", "Karen", "Keith",
    "Kemi", "Kevin", "Laura", "Lee", "Linda", "Lisa", "Marcus", "Margaret", "Mark", "Mohammed",
    "Nicola", "Nigel", "Paul", "Pauline", "Rachel", "Raj", "Richard", "Rosie", "Sam", "Sarah",
    "Shabana", "Sharon", "Stephen", "Susan", "Tim", "Tracey", "Vanessa", "Wendy", "Yvonne", "Zoe"};

constexpr std::string_view kSurnames[] = {
    "Ahmed", "Akhtar", "Bailey", "Barker", "Begum", "Bennett", "Bradley", "Brennan", "Burns", "Chapman",
    "Clarke", "Collins", "Cooper", "Cunningham", "Davies", "Dixon", "Doyle", "Edwards", "Ellis", "Evans",
    "Fletcher", "Foster", "Gill", "Graham", "Grant", "Hall", "Harper", "Hayes", "Holmes", "Howard",
    "Hussain", "Iqbal", "Jackson", "James", "Jenkins", "Johal", "Kaur", "Kelly", "Khan", "Lewis",
    "Lloyd", "Lowe", "MacDonald", "McKenzie", "Malik", "Mason", "Mills", "Mitchell", "Morris", "Murphy",
    "Nolan", "O'Connor", "Osei", "Owen", "Palmer", "Parkinson", "Parry", "Patel", "Pearson", "Phillips",
    "Quinn", "Reynolds", "Richards", "Robertson", "Rowe", "Shah", "Sharma", "Shaw", "Singh", "Stewart",
    "Sutton", "Taylor", "Thomas", "Turner", "Walsh", "Ward", "Watson", "Webb", "Wilkinson", "Wright"};

// An author the generator writes as. `staff` journalists write news and analysis; practitioners write
// comment and best practice, usually about the council in `council` (empty when not council-based).
struct AuthorSeed {
  std::string_view name;
  std::string_view role;
  std::string_view bio;
  bool staff;
  std::string_view council;
};

constexpr AuthorSeed kAuthors[] = {
    {"Helen Marsh", "Editor",
     "Helen Marsh has edited the Gazette since 2016. She previously spent a decade covering Whitehall and "
     "local government finance for regional newspapers.", true, ""},
    {"Daniel Okoro", "Deputy editor",
     "Daniel Okoro oversees the Gazette's news and features desks. He joined from a business title where he "
     "covered infrastructure and public procurement.", true, ""},
    {"Rachel Whitford", "Chief reporter",
     "Rachel Whitford leads the Gazette's news coverage, with a particular interest in council finance and "
     "governance. She was previously a local democracy reporter in the Midlands.", true, ""},
    {"Tom Pritchard", "Senior reporter",
     "Tom Pritchard covers housing, planning and regeneration. He trained on a weekly paper in the Welsh "
     "Marches.", true, ""},
    {"Priya Chandran", "Social care correspondent",
     "Priya Chandran reports on adult social care, health integration and public health. She has written "
     "about the care sector for more than 12 years.", true, ""},
    {"Callum Fraser", "Reporter",
     "Callum Fraser covers children's services, SEND and education. He joined the Gazette from a news agency "
     "in Glasgow.", true, ""},
    {"Sophie Kendall", "Reporter",
     "Sophie Kendall reports on devolution, elections and the politics of local government. She previously "
     "worked in a council press office.", true, ""},
    {"James Ashworth", "Finance correspondent",
     "James Ashworth writes about local government finance, audit and council tax. He is a former auditor.",
     true, ""},
    {"Nadia Rahman", "Technology correspondent",
     "Nadia Rahman covers digital transformation, data and cyber security across the public sector.", true, ""},
    {"Owen Griffiths", "Features editor",
     "Owen Griffiths commissions and writes the Gazette's features and round tables. He reported on Welsh "
     "local government for many years.", true, ""},
    {"Eleanor Hughes", "Data editor",
     "Eleanor Hughes analyses council spending, performance and workforce data for the Gazette.", true, ""},
    {"Mark Doherty", "Political editor",
     "Mark Doherty covers Westminster and the relationship between central and local government.", true, ""},
    {"Grace Adeyemi", "Reporter",
     "Grace Adeyemi covers workforce, equalities and community safety. She joined the Gazette as a graduate "
     "trainee.", true, ""},
    {"Martin Hale", "Contributing editor",
     "Martin Hale edited the Gazette for 15 years and now chairs its round table events.", true, ""},
    {"Fiona McAllister", "Scotland correspondent",
     "Fiona McAllister reports on Scottish local government, from council budgets to the work of the Accounts "
     "Commission.", true, ""},
    {"Andrew Baird", "Chief executive, Runnymede BC",
     "Andrew Baird has been chief executive of Runnymede BC since 2019. He previously held senior finance "
     "roles in two London boroughs.", false, "Runnymede BC"},
    {"Catherine Moss", "Director of adult social services, Stockport MBC",
     "Catherine Moss began her career as a social worker and has led adult social care in Stockport for six "
     "years.", false, "Stockport MBC"},
    {"Sanjay Mehta", "Cabinet member for finance, Reading BC",
     "Sanjay Mehta is a councillor in Reading and a former accountant. He chairs a regional network of "
     "finance portfolio holders.", false, "Reading BC"},
    {"Louise Carr", "Director of children's services, Essex CC",
     "Louise Carr has worked in children's services for 25 years, including as a head of safeguarding in "
     "the North East.", false, "Essex CC"},
    {"Robert Kinnear", "Chief executive, Fife Council",
     "Robert Kinnear joined Fife Council as a graduate trainee and has held posts in education, housing and "
     "corporate services.", false, "Fife Council"},
    {"Amina Yusuf", "Head of digital, Southwark LBC",
     "Amina Yusuf leads digital and data at Southwark LBC. She previously worked on central government "
     "digital services.", false, "Southwark LBC"},
    {"Gareth Powell", "Director of finance, Cardiff Council",
     "Gareth Powell is the section 151 officer at Cardiff Council and a past president of a regional "
     "treasurers' society.", false, "Cardiff Council"},
    {"Hannah Blake", "Leader, Sevenoaks DC",
     "Hannah Blake has led Sevenoaks DC since 2021 and speaks for district councils on planning and "
     "housing.", false, "Sevenoaks DC"},
    {"Peter Lomax", "Managing director, Wigan MBC",
     "Peter Lomax has spent his career in Greater Manchester local government, most recently leading "
     "Wigan's approach to community-led services.", false, "Wigan MBC"},
    {"Julia Stenning", "Policy adviser, Centre for Local Renewal",
     "Julia Stenning advises on public service reform and local finance. She was previously a policy officer "
     "at a county council.", false, ""},
    {"Michael Dunne", "Chief executive, Cornwall Council",
     "Michael Dunne became chief executive of Cornwall Council after a decade as a strategic director. He "
     "has a background in economic development.", false, "Cornwall Council"},
    {"Zara Hussain", "Director of public health, Sandwell MBC",
     "Zara Hussain is a consultant in public health who has worked in the Black Country for most of her "
     "career.", false, "Sandwell MBC"},
    {"Neil Thornton", "Director of housing, Leeds City Council",
     "Neil Thornton oversees one of the largest council housing portfolios in England and previously ran a "
     "housing association.", false, "Leeds City Council"},
    {"Claire Osborne", "Director of place, West Berkshire Council",
     "Claire Osborne is responsible for planning, highways and economic development at West Berkshire "
     "Council.", false, "West Berkshire Council"},
    {"David Ferguson", "Professor of public policy, University of Birmingham",
     "David Ferguson researches central-local relations and local government finance. He has advised "
     "several select committees.", false, ""},
    {"Ruth Adebayo", "Chief executive, Kingston RLBC",
     "Ruth Adebayo has been chief executive of Kingston RLBC since 2020, having previously led adult social "
     "care in two London boroughs.", false, "Kingston RLBC"},
    {"Simon Yates", "Leader, Cumberland Council",
     "Simon Yates was elected leader of Cumberland Council when the new unitary authority was created. He is "
     "a former teacher.", false, "Cumberland Council"},
    {"Lucy Harrington", "Head of climate and sustainability, Norfolk CC",
     "Lucy Harrington leads Norfolk CC's work on net zero and climate adaptation. She is a chartered "
     "environmentalist.", false, "Norfolk CC"},
    {"Iain Campbell", "Director of transformation, Highland Council",
     "Iain Campbell leads Highland Council's change programme. He previously worked in NHS service "
     "redesign.", false, "Highland Council"},
    {"Joanna Price", "Monitoring officer, Swindon BC",
     "Joanna Price is a solicitor who has worked in local government legal services for 20 years.", false,
     "Swindon BC"},
    {"Matthew Cole", "Independent consultant",
     "Matthew Cole is a former council chief executive who now advises authorities on governance and "
     "improvement.", false, ""},
    {"Emma Reid", "Policy adviser, Local Services Network",
     "Emma Reid works on workforce and devolution policy. She has previously worked for a combined "
     "authority and a think tank.", false, ""},
    {"Alan Roberts", "Director of highways and transport, Lancashire CC",
     "Alan Roberts is a chartered engineer who has managed highways services in three county councils.",
     false, "Lancashire CC"},
    {"Bethan Morgan", "Chief executive, Swansea Council",
     "Bethan Morgan has led Swansea Council since 2022. She chairs a Welsh network of council chief "
     "executives.", false, "Swansea Council"},
    {"Farah Siddiqui", "Director of people, London Borough of Camden",
     "Farah Siddiqui leads HR and organisational development at Camden and sits on a national workforce "
     "advisory group.", false, "London Borough of Camden"},
};

// ---------------------------------------------------------------------------------------------------
// Sections

enum SectionKind { kNews, kComment, kFeatures, kBestPractice, kInterviews, kAnalysis, kSectionCount };

struct SectionSeed {
  std::string_view name;
  std::string_view slug;
  std::string_view description;
  int weight;  // relative frequency, out of 100
};

constexpr SectionSeed kSections[kSectionCount] = {
    {"News", "news",
     "The latest developments from councils, combined authorities and Whitehall, reported as they happen.", 45},
    {"Comment", "comment", "Opinion and argument from council leaders, senior officers and policy experts.", 14},
    {"Features", "features",
     "In-depth reporting on the people, places and ideas shaping local public services.", 12},
    {"Best practice", "best-practice",
     "Practical case studies showing how councils have improved services and what others can learn.", 10},
    {"Interviews", "interviews",
     "Conversations with the leaders, chief executives and directors who run local government.", 6},
    {"Analysis", "analysis",
     "Data-led examination of the trends, budgets and policy decisions behind the headlines.", 13},
};

// ---------------------------------------------------------------------------------------------------
// Templates. Placeholders are documented at Impl::expand_key.

constexpr std::string_view kHeadNews[] = {
    "$P approves $M plan to tackle $i", "$P warns over $i", "$P sets aside $M for $h", "$P to overhaul $h",
    "$P seeks views on $h shake-up", "$P faces $M gap amid $i", "Auditors raise concerns over $h at $P",
    "$P leader calls for urgent action on $i", "$P and $p agree joint approach to $h",
    "$P overspend on $h reaches $M", "Ministers urged to act on $i after $P warning",
    "$P launches review of $h", "$P pauses $h programme amid $i", "Unions criticise $P over $h plans",
    "$P bids for $M to tackle $i", "$P unveils new strategy for $h", "$P scraps $h scheme as costs rise",
    "Scrutiny committee calls in $P decision on $h", "$P puts $M into $h",
    "$P proposes $n council tax rise to protect $h", "Cross-party backing for $P plan on $h",
    "$P hit by $i", "‘Doing nothing is not an option’ on $h, says $P leader", "$P and $p to share $h services",
    "$P cabinet backs $M plan for $h", "Inspectors praise $P progress on $h", "$P to borrow $M for $h",
    "$P admits $M shortfall on $h", "Councillors in $P reject $h proposals"};

constexpr std::string_view kHeadComment[] = {
    "Why $h in $P needs a long-term settlement", "It is time to rethink $h", "The case for reform of $h",
    "What $P can teach us about $h", "Councils cannot tackle $i alone", "A fairer deal for $h in $P",
    "Lessons from $P on $h", "We must not lose sight of $h", "Putting residents at the heart of $h",
    "Honesty about $i would help us all", "$h: the view from $P", "Don't let $i become the new normal in $R",
    "Ministers must listen to $R on $h", "The quiet revolution in $h in $P"};

constexpr std::string_view kHeadFeatures[] = {
    "Inside $P's drive to transform $h", "A new direction for $h at $P", "How $P is rethinking $h",
    "The long road to reform of $h in $P", "Round table: $h in $R", "Can $P turn around $h?",
    "Beyond the budget: $h in $P", "$P and the future of $h", "On the front line of $i in $P",
    "Rebuilding $h in $P", "$P and $p: a tale of two approaches to $h"};

constexpr std::string_view kHeadPractice[] = {
    "How $P cut the cost of $h", "Charting a new course for $h in $P", "$P shows the way on $h",
    "Making $h work for residents in $P", "A partnership approach to $h in $P", "What works: $h in $P",
    "Getting to grips with $i in $P", "$P's recipe for better $h", "Turning the tide on $i in $P",
    "Small steps, big gains: $h in $P"};

constexpr std::string_view kHeadInterviews[] = {
    "Interview: $J on $h in $P", "‘We have to be honest about $i’: $J of $P", "In conversation: $P's $O",
    "Five minutes with $J, $P", "$J: why $P must get $h right", "$J on leading $P through $i"};

constexpr std::string_view kHeadAnalysis[] = {
    "What the $Y settlement means for $h in $P", "Counting the cost of $i in $P",
    "$h in $P: the numbers behind the headlines", "Is $P winning the battle over $i?",
    "The hidden cost of $i in $R", "Mind the gap: $h funding in $R", "How $P compares on $h",
    "Why $P's figures on $h matter", "$h: is $R falling behind?", "Reading the runes on $h in $P"};

// Distinguishing phrases appended when a headline has been used before. No counters: they read as copy.
constexpr std::string_view kHeadSuffixes[] = {
    " as $p weighs similar move", " amid concerns over $i", ", with $p next in line", " after $p precedent",
    " ahead of $W meeting", " in $Y budget round", " following $p review", " as $p looks on",
    " despite $p concerns", ": lessons for $p", " as pressure on $h grows", " in wake of $p decision"};

constexpr std::string_view kStandNews[] = {
    "$C has approved $A in an attempt to tackle $I, with officers warning that the cost of doing nothing "
    "could reach $M by $Z.",
    "Councillors in $P have been told that the impact of $I will add $M to the authority's costs next year, prompting "
    "calls for urgent action from $g.",
    "$C is consulting residents on $A. The authority says the plans are needed because of $I.",
    "Senior figures at $C have warned ministers that the effect of $I is putting services at risk. $a report$z.",
    "$C has set aside $M for $A, as councils across $R grapple with $I.",
    "Auditors have raised concerns about $T at $C, saying the authority must do more to address $I.",
    "$C has become the latest council to warn about $I, telling $g that current funding for $T is not "
    "enough.",
    "$C and $D are drawing up plans for $A, in a move both authorities say will help them respond to $I.",
    "Plans for $A at $C have been backed by the authority's cabinet, despite concerns from opposition "
    "councillors about $I."};

constexpr std::string_view kStandComment[] = {
    "Councils have shown they can innovate on $T, but without a long-term settlement the impact of $I will continue to "
    "undermine their efforts, say$y $a.",
    "The debate about $T too often ignores $I. It is time for a more honest conversation between councils "
    "and government, say$y $a.",
    "The experience of $P shows that tackling $I requires patience, partnership and a willingness to try "
    "new things, say$y $a.",
    "If the government is serious about $T, it must give councils the tools and the certainty they need to "
    "plan ahead, say$y $a.",
    "$a argue$z that the challenge of $I is a national one playing out locally, and that councils cannot be expected to "
    "solve it on their own.",
    "$a say$y the sector needs to learn from places such as $P if it is to make real progress on $T."};

constexpr std::string_view kStandFeatures[] = {
    "What are the issues facing councils as they grapple with $I? $a report$z on a round table debate on "
    "the future of $T.",
    "$C has embarked on an ambitious programme to change $T. $a visit$z the authority to find out what "
    "difference it has made.",
    "With pressure from $I showing no sign of easing, $a look$z at how councils such as $C are rethinking $T.",
    "$a report$z on how $C and $D are working together to tackle $I, and what other authorities can learn "
    "from their approach."};

constexpr std::string_view kStandPractice[] = {
    "$a explain$z how $C has used $A to improve outcomes for residents while getting to grips with $I.",
    "$a say$y $C is starting to see the impact of its programme of change in $T, including better outcomes "
    "and lower costs.",
    "Faced with $I, $C decided to do things differently. $a set$z out what the authority did and what it has "
    "learned.",
    "$a reflect$z on how $A has changed the way $C approaches $T, and share$z the lessons for other "
    "councils."};

constexpr std::string_view kStandInterviews[] = {
    "$a talk$z to $J, $U, about $I and why getting $T right matters more than ever.",
    "$J, $U, tells $a why tackling $I will require a new relationship between councils and $g.",
    "In a wide-ranging interview, $J, $U, discusses $T, $I and the future of local government with $a."};

constexpr std::string_view kStandAnalysis[] = {
    "New figures suggest that the problem of $I is getting worse, not better. $a examine$z what the data says about $T in "
    "$P and beyond.",
    "As councils prepare their budgets for $Z, $a look$z at what $I means for $T, and whether the sector "
    "can cope.",
    "The headline numbers on $T tell only part of the story, write$z $a, who look$z at the pressures facing "
    "$C and its neighbours in $R."};

// Body sentence pools ---------------------------------------------------------------------------------

constexpr std::string_view kLede[] = {
    "$C has agreed plans for $A as it tries to get to grips with $I.",
    "Councillors at $C have backed $A after a report warned that failing to address $I could cost the authority $M over the "
    "next three years.",
    "$C is to press ahead with $A despite concerns about $I.",
    "Senior officers at $C have warned that the impact of $I will put further pressure on $T unless ministers act.",
    "$C has set aside $M for $A, the latest sign of how seriously councils are taking $I.",
    "A report to the cabinet of $C this week sets out how the authority plans to respond to $I.",
    "$C has become the latest authority to raise the alarm over $I.",
    "Plans for $A have been approved by the cabinet of $C, following months of work by officers."};

constexpr std::string_view kContext[] = {
    "The authority expects to spend $M on $T in $Y, up $N on the previous year.",
    "Demand has risen by $N since the pandemic, according to figures presented to councillors.",
    "Officers said the pressures reflected $I, the effects of which have been felt by councils across $R.",
    "The report notes that the problem of $I has been building for several years and is not unique to $P.",
    "Like many authorities, $C has used reserves to balance its books, but officers warn that approach "
    "cannot continue indefinitely.",
    "The medium-term financial strategy of $C assumes savings of $M by the end of $Z.",
    "Councillors were told that spending on $T now accounts for $N of the net revenue budget.",
    "Neighbouring $D has reported similar pressures, and the two authorities are understood to be "
    "exploring closer working.",
    "The proposals will go out to public consultation before a final decision is taken.",
    "Officers have also been asked to look at the implications for $X.",
    "The council's $O told members that the current approach was no longer sustainable.",
    "A previous attempt to reform $T in $P stalled in the face of local opposition.",
    "The authority has already made savings of $M since 2010, much of it from back-office functions.",
    "Members of the scrutiny committee asked for more detail on how the risks would be managed.",
    "The plans form part of a wider programme of change across the council.",
    "Officers estimate that the measures will save around $m a year once fully in place.",
    "The figures do not include the knock-on effect on $X, which officers say is harder to quantify.",
    "Officers said the approach had been shaped by conversations with residents and partners.",
    "The cabinet report acknowledges that the plans carry some risk.",
    "A business case presented to members suggests the investment would pay for itself within five years.",
    "The council said it had little choice given $I.",
    "Spending on $T was already above budget at the end of the second quarter.",
    "The authority has commissioned an independent review of $T, which is due to report in $W.",
    "Similar approaches have been tried elsewhere in $R with mixed results.",
    "Councillors heard that the number of people waiting for support had grown steadily over the past year.",
    "The section 151 officer has warned that reserves are now below the level considered prudent.",
    "The plans were drawn up after a peer challenge led by the Local Government Association.",
    "Officers stressed that statutory services would be protected.",
    "Much will depend on the outcome of the next local government finance settlement."};

constexpr std::string_view kFigures[] = {
    "Across England, councils spent an estimated $B more than planned on $T last year, according to $G.",
    "A survey by $G found that $N of councils expect $I to get worse over the next 12 months.",
    "Spending on $T in $R has risen by $N in real terms over the past five years.",
    "In $P, the number of residents affected has risen by $N in three years.",
    "The gap between what councils receive and what they spend on $T is now estimated at $B a year.",
    "Only $N of authorities told $G they were confident of balancing next year's budget without further "
    "cuts to $T.",
    "Analysis of council accounts shows that $N of the increase in spending on $T has come in the last two "
    "years alone.",
    "$G estimates that every £1 spent on prevention saves around £3 later on.",
    "Figures compiled by $G suggest that councils in $R face some of the steepest increases in costs.",
    "The median authority now spends $N more on $T than it did before the pandemic.",
    "The number of councils reporting an overspend on $T has doubled in two years, according to $G.",
    "Estimates from $G suggest that pressures on $T will add $B to council costs nationally by $Z.",
    "Around $N of the increase is explained by rising unit costs rather than higher demand."};

constexpr std::string_view kNational[] = {
    "$G has repeatedly warned that the problem of $I cannot be solved by councils alone.",
    "A spokesperson for $g said: “$q”",
    "The Local Government Association has called for a multi-year funding settlement to give councils the "
    "certainty they need to plan.",
    "Ministers have promised reform, but councils say the detail has been slow to arrive.",
    "The issue is expected to feature prominently in the next spending review.",
    "$g is understood to be considering changes to the way councils are funded for $T.",
    "The County Councils Network said the situation in $P was typical of authorities across the country.",
    "MPs on the Public Accounts Committee have criticised the lack of a long-term plan for $T.",
    "The District Councils' Network said smaller authorities were particularly exposed to $I.",
    "Sector bodies have argued that short-term funding pots make it harder to plan for $T.",
    "Ministers have said they want to give councils more flexibility, but have yet to set out how.",
    "The Local Government Association said the findings were a further sign of the strain on the sector."};

constexpr std::string_view kReaction[] = {
    "Opposition councillors questioned whether the plans went far enough.",
    "The local branch of Unison said staff had not been properly consulted.",
    "Campaigners welcomed the announcement but said the detail would be crucial.",
    "Some residents have raised concerns about the impact on $T in their area.",
    "The leader of the opposition group on $C described the proposals as a sticking plaster.",
    "Local MPs have written to ministers asking for additional support for $P.",
    "Voluntary sector partners said they were keen to work with the council on the detail.",
    "Business groups in $P broadly welcomed the plans."};

constexpr std::string_view kNext[] = {
    "A final decision is expected at a meeting of the full council in $W.",
    "The council will report back on progress to its scrutiny committee in six months.",
    "Officers will now draw up a detailed business case.",
    "The consultation closes at the end of $W.",
    "If approved, the changes will take effect from the start of $Z.",
    "The authority said it would publish an update on the programme later this year.",
    "The cabinet is expected to consider the findings of the review in $W.",
    "$C has said it will continue to lobby $g for a fairer funding settlement."};

constexpr std::string_view kArgue[] = {
    "For too long, the debate about $T has been framed in terms of short-term savings rather than "
    "long-term outcomes.",
    "The uncomfortable truth is that the problem of $I will not be solved by another one-year settlement.",
    "Councils showed during the pandemic that they can move quickly when the barriers are removed.",
    "None of this is easy, and there are no quick fixes.",
    "What is needed is a genuine partnership between local and central government, built on trust and a "
    "shared understanding of $I.",
    "Too often, good practice in one place stays there rather than spreading across the sector.",
    "It is worth remembering that behind every figure is a resident who depends on $T.",
    "The sector has become adept at doing more with less, but there is a limit to how far that can go.",
    "We should be honest with residents about what councils can and cannot do.",
    "If we are serious about prevention, we have to be prepared to invest before the savings arrive.",
    "The experience of $C suggests that a different approach is possible.",
    "Competitive bidding for small pots of money wastes time that councils simply do not have.",
    "The next government, whatever its colour, will inherit the same problems with $T.",
    "Local leaders are often closer to the answers than Whitehall gives them credit for.",
    "We need to measure what matters to residents, not what is easiest to count.",
    "The links between $T and $X are too important to be managed in silos.",
    "Reform of $T has been promised many times; this time it has to be delivered.",
    "Getting this right will require political courage as well as money.",
    "Residents do not care which organisation delivers a service; they care whether it works.",
    "Short-termism is the enemy of good public services.",
    "There is a real risk that the gains of recent years are lost.",
    "We have to stop treating $T as a cost to be managed and start seeing it as an investment.",
    "Councils are at their best when they are trusted to get on with the job.",
    "It is not enough to diagnose the problem; we need to agree on the cure.",
    "The answer is not another pilot, but the confidence to scale what already works.",
    "Anyone who has sat through a budget-setting meeting recently will recognise the dilemma."};

constexpr std::string_view kPractice[] = {
    "The starting point for $C was an honest assessment of where things stood.",
    "Officers began by mapping every contact residents had with the council about $T, and the results were "
    "sobering.",
    "$A was piloted in two neighbourhoods before being rolled out across $P.",
    "Staff were involved from the outset, which helped to build trust and surface ideas that managers had "
    "missed.",
    "Within 18 months, demand for crisis support had fallen by $N.",
    "Crucially, the work was led jointly with partners in the NHS and the voluntary sector.",
    "The team used data from across the council to identify households at risk much earlier.",
    "Not everything worked first time, and some early ideas were quietly dropped.",
    "Savings of $m in the first year were reinvested in front-line services.",
    "Residents were invited to help design the new service, which changed several of the original "
    "assumptions.",
    "Clear governance, with a single accountable officer, kept the programme on track.",
    "The approach has since attracted interest from $D and other authorities in $R.",
    "Regular reporting to members meant the programme kept cross-party support.",
    "The biggest change was cultural rather than structural.",
    "The first phase focused on understanding demand rather than cutting costs.",
    "A small multi-disciplinary team was given the freedom to test new ideas quickly.",
    "Performance is now tracked monthly against a handful of measures agreed with residents.",
    "Early conversations with $D helped to avoid duplicating effort.",
    "Where the evidence showed an idea was not working, it was stopped.",
    "The council also invested in training, so that staff felt confident using the new tools.",
    "The lessons for other authorities are straightforward, even if applying them is not.",
    "Leadership from the top was essential, but so was permission for staff to experiment.",
    "The approach has now been extended to $X."};

constexpr std::string_view kFeature[] = {
    "On a wet weekday morning in $P, the scale of the challenge is plain to see.",
    "Officers at $C are candid about how close the service came to crisis.",
    "Few authorities have attempted anything quite as ambitious in $T.",
    "The round table brought together senior figures from $C, $D and the voluntary sector.",
    "Participants agreed that the most pressing issue facing their authorities was $I.",
    "There was less agreement on what should be done about it.",
    "For $C, the turning point came when the cost of $T began to threaten other services.",
    "The $O at $C says the first step was to stop doing things that did not work.",
    "Others around the table pointed to the importance of strong relationships with health partners.",
    "The changes have not been universally popular.",
    "Visitors to $P are often surprised by how much has changed in a few short years.",
    "The question now is whether the progress can be sustained.",
    "Walk into the council offices in $P and the change in atmosphere is noticeable.",
    "Senior managers at $C describe the past two years as the most demanding of their careers.",
    "The programme began, as these things often do, with a budget gap.",
    "Not everyone was convinced at first.",
    "Frontline staff say the difference is that they now have time to do the job properly.",
    "Partners in the NHS and the voluntary sector have been closely involved from the start.",
    "The figures are encouraging, but those involved are careful not to overclaim.",
    "One participant described the current system as a patchwork that nobody would design from scratch.",
    "Another argued that councils had to be bolder in making the case for investment in $T.",
    "Several contributors pointed to the cost of $I as the biggest threat to progress.",
    "The conversation turned repeatedly to the relationship between councils and $g.",
    "For residents of $P, the changes are most visible in the way services are delivered day to day."};

constexpr std::string_view kInterview[] = {
    "$j has been $U since $k and admits the job has changed beyond recognition.",
    "Asked about $I, $j is candid.",
    "$j is clear that decisions about $T cannot be taken in isolation from $X.",
    "Much of the conversation returns to money.",
    "$j grew up in $R and started in local government as a graduate trainee.",
    "The pressures of the role are obvious, but so is the enthusiasm.",
    "On relations with $g, $j is diplomatic but direct.",
    "$j is proud of the work done by staff at $C over the past year.",
    "Looking ahead, $j sees $A as the priority.",
    "It is a message $j has delivered to ministers more than once.",
    "The conversation takes place in a meeting room overlooking the town centre.",
    "Before joining $C, $j worked in the voluntary sector and then in central government.",
    "It has been, by any measure, an eventful few years.",
    "There is little sign of frustration, though the challenges are plainly considerable.",
    "Staff morale is a recurring theme.",
    "The relationship with health partners has also come a long way.",
    "On devolution, the tone is cautiously optimistic.",
    "Talk turns to the next spending review and what it might mean for $P.",
    "There is a clear sense of pride in what has been achieved in $P.",
    "The hardest part of the job, $j says, is telling residents what the council can no longer afford."};

constexpr std::string_view kAnalysisLines[] = {
    "The latest figures make sobering reading for councils in $R.",
    "On the face of it, $P is doing better than many of its neighbours.",
    "The data tells a more complicated story than the headlines suggest.",
    "Three trends stand out from the figures.",
    "The first is the steady rise in spending on $T, which has outpaced growth in core funding.",
    "The second is the widening gap between the best and worst performing authorities.",
    "The third, and perhaps most worrying, is the link between $I and pressure on $X.",
    "Comparisons between authorities need to be treated with caution, because of differences in how "
    "spending is recorded.",
    "Even so, the direction of travel is clear.",
    "Taken together, the numbers suggest that the pressure from $I is structural rather than a temporary blip.",
    "Councils that invested early in $A appear to have fared better.",
    "Spending per resident on $T varies widely across $R.",
    "Authorities with the highest levels of deprivation have generally seen the steepest rises.",
    "The picture in $P broadly mirrors the national trend.",
    "Unit costs have risen faster than inflation for three years in a row.",
    "Reserves, which cushioned many councils during the pandemic, are now being drawn down.",
    "There are some signs of stabilisation, but it is too early to call a turning point.",
    "Much depends on assumptions about demand that may prove optimistic.",
    "The lag between spending and outcomes makes the data hard to read in the short term."};

constexpr std::string_view kClosing[] = {
    "The next 12 months will show whether that optimism is justified.",
    "For councils in $R, and for residents who depend on $T, the stakes could hardly be higher.",
    "What happens in $P will be watched closely by authorities across the country.",
    "The sector has done its part; it is now up to ministers to do theirs.",
    "There is no shortage of ideas. What is missing is the time and money to deliver them."};

constexpr std::string_view kQuotes[] = {
    "We know that the impact of $I is putting real pressure on families in $P, and we are determined to respond.",
    "This is about making sure that every pound we spend on $T makes a difference to residents.",
    "We cannot keep papering over the cracks. We need a long-term funding settlement that reflects the "
    "reality on the ground.",
    "Our staff have worked incredibly hard, and I want to thank them for their commitment.",
    "These are difficult decisions, but doing nothing is not an option.",
    "We have listened to residents and we have changed our plans as a result.",
    "This will help us to get ahead of demand rather than constantly reacting to it.",
    "Nobody comes into local government to make cuts, but we have a legal duty to set a balanced budget.",
    "The government needs to recognise that the problem of $I is a national one that is playing out locally.",
    "We are not going to pretend this is easy. But we think it is the right thing to do for $P.",
    "Working with our partners, we can do far more than any one organisation could on its own.",
    "The evidence is clear that early intervention works, and that is where we want to put our money.",
    "We want $P to be a place where people can get the help they need, when they need it.",
    "I am proud of what we have achieved, but there is a great deal more to do.",
    "Investing in $A is the right thing to do, and it will save money in the long run.",
    "Residents in $P deserve better, and that is what this is about.",
    "We have been clear with the government about the scale of the challenge on $T.",
    "There is no magic wand, but we are making progress.",
    "We will keep residents informed every step of the way.",
    "This is a long-term commitment, not a quick fix."};

constexpr std::string_view kGovQuotes[] = {
    "We are giving councils access to more funding this year, and we will continue to work closely with the "
    "sector.",
    "We recognise the pressures councils face and have made additional support available for $T.",
    "Councils are responsible for managing their own budgets, but we stand ready to talk to any authority "
    "that is concerned about its financial position.",
    "We are committed to reforming the system so that it is fairer and more sustainable for the long term."};

// Quote paragraphs; $V is "said" in news and "says" elsewhere.
constexpr std::string_view kQuoteLines[] = {
    "“$c” $V $S, cabinet member for $K at $C.",
    "$S, cabinet member for $K, $V: “$Q”",
    "$S, leader of $C, $V: “$Q”",
    "A spokesperson for $C $V: “$Q”",
    "“$c” $V the $O at $C."};

constexpr std::string_view kQuoteFollow[] = {"$s added: “$Q”", "“$Q”"};

constexpr std::string_view kInterviewQuotes[] = {"“$c” says $j.", "“$c” $j says.", "$j puts it simply: “$Q”",
                                                 "“$c” $j adds."};

constexpr std::string_view kLinkLines[] = {
    "The full details are set out in $L published alongside the cabinet agenda.",
    "According to $L, the pressures are likely to persist for several years.",
    "Officers summarised the options in $L considered by members.",
    "The findings are published in $L."};

constexpr std::string_view kLinkTexts[] = {"the report", "the committee papers", "a recent survey",
                                           "the latest figures", "the consultation document"};

constexpr std::string_view kSubheads[] = {
    "The funding gap", "What happens next", "Pressure on $h", "A national picture", "Lessons for others",
    "Working with partners", "The view from $P", "Counting the cost", "Looking ahead", "Residents first",
    "Getting the basics right", "Risks and reservations", "The role of government", "Measuring success",
    "Culture change", "Early results", "Getting $h right", "A question of trust", "The bigger picture",
    "Difficult choices"};

constexpr std::string_view kListIntros[] = {"The plan includes:", "Key measures in the report include:",
                                            "Officers identified several priorities:",
                                            "The main elements of the approach are:"};

constexpr std::string_view kListItems[] = {
    "Closer working with $D", "A review of fees and charges", "Investment in early intervention",
    "Better use of data to target support", "Quarterly reporting to scrutiny", "A single point of contact "
    "for residents", "Joint commissioning with the NHS", "A recruitment and retention package for front-line "
    "staff", "An independent review after 12 months", "Ring-fencing of savings for reinvestment"};

constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};

// ---------------------------------------------------------------------------------------------------
// Small helpers

void append_int(std::string& out, long long v) { out += std::to_string(v); }

// Uppercases the first ASCII letter at or after `from`, skipping quotes and other punctuation, so
// templates may start with a lower-case placeholder. Stops at a digit (e.g. "£12m").
void capitalise_from(std::string& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'a' && c <= 'z') {
      s[i] = static_cast<char>(c - 'a' + 'A');
      return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return;
  }
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// FNV-1a: a fixed, portable hash so the uniqueness bookkeeping (and hence output) is identical
// everywhere; std::hash is implementation-defined.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string slugify(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm); month is 1..12.
void civil_from_days(std::int64_t z, int& year, int& month) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The department responsible for local government on a given date; it has been renamed several times.
std::string_view department_at(std::int64_t t) {
  if (t < 1515369600) return "the Department for Communities and Local Government";   // before Jan 2018
  if (t < 1632009600) return "the Ministry of Housing, Communities and Local Government";  // before Sep 2021
  if (t < 1720396800) return "the Department for Levelling Up, Housing and Communities";  // before Jul 2024
  return "the Ministry of Housing, Communities and Local Government";
}

std::string financial_year(int start) {
  std::string s;
  append_int(s, start);
  s += '/';
  const int next = (start + 1) % 100;
  if (next < 10) s += '0';
  append_int(s, next);
  return s;
}

constexpr int kDay = 86400;

}  // namespace

// -----------------------------------------------------------------------------------------------------

struct DemoGenerator::Impl {
  // Everything one article's templates may refer to; rebuilt by new_context() for each article.
  struct Context {
    SectionKind section = kNews;
    const Topic* topic = nullptr;
    const Topic* topic2 = nullptr;
    std::size_t council = 0;
    std::size_t council2 = 0;
    std::vector<std::size_t> byline;  // indices into kAuthors
    std::string byline_text;          // "A" or "A and B"
    std::string speaker, speaker_short;
    std::string interviewee, interviewee_surname, interviewee_role;
    int interviewee_since = 2020;
    std::string fy, fy_next, dept_month;
    std::string_view dept;
    std::int64_t published_at = 0;
    std::vector<const std::string_view*> used;  // templates already used in this article
  };

  Rng rng;
  std::int64_t newest;
  std::vector<AuthorProfile> author_profiles;
  std::vector<Section> section_list;
  std::vector<std::int64_t> author_council;  // index into kCouncils, or -1
  std::vector<std::size_t> staff, practitioners;
  std::unordered_set<std::uint64_t> headlines;  // FNV-1a of every headline emitted
  Context ctx;

  // Publication times: `pending` holds the rest of the current day, newest first (consumed from the back
  // after reversing, to avoid erasing from the front).
  std::vector<std::int64_t> pending;
  std::int64_t day_start = 0;
  bool started = false;

  Impl(std::uint64_t seed, std::int64_t newest_time) : rng{seed ^ 0x6A09E667F3BCC908ULL}, newest(newest_time) {
    build_static_lists();
    headlines.reserve(1 << 16);
  }

  void build_static_lists() {
    for (std::size_t i = 0; i < std::size(kAuthors); ++i) {
      const AuthorSeed& a = kAuthors[i];
      author_profiles.push_back({std::string(a.name), std::string(a.role), std::string(a.bio)});
      (a.staff ? staff : practitioners).push_back(i);
      std::int64_t home = -1;
      for (std::size_t c = 0; c < kCouncilCount; ++c)
        if (!a.council.empty() && kCouncils[c].full == a.council) home = static_cast<std::int64_t>(c);
      author_council.push_back(home);
    }
    for (const SectionSeed& s : kSections)
      section_list.push_back({0, std::string(s.name), std::string(s.slug), std::string(s.description)});
  }

  // --- Template expansion ---------------------------------------------------------------------------

  // Picks from `pool`, preferring templates not yet used in this article so paragraphs do not repeat.
  // Scans from a random start for the first unused entry; reuses only when the pool is exhausted.
  std::string_view pick_fresh(Pool pool) {
    const std::size_t start = rng.below(pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) {
      const std::string_view* candidate = &pool[(start + i) % pool.size()];
      if (std::find(ctx.used.begin(), ctx.used.end(), candidate) == ctx.used.end()) {
        ctx.used.push_back(candidate);
        return *candidate;
      }
    }
    return pool[start];
  }

  // `used` never holds duplicates, so the pool is exhausted when as many used entries fall inside it
  // as it has templates. Comparing raw pointers into the same array is well defined.
  bool exhausted(Pool pool) const {
    const std::string_view* begin = pool.data();
    const std::string_view* end = begin + pool.size();
    std::size_t inside = 0;
    for (const std::string_view* u : ctx.used) inside += (u >= begin && u < end) ? 1 : 0;
    return inside >= pool.size();
  }

  // Sums at the scale of one council: `small` for savings and grants, otherwise budgets and gaps.
  void money(std::string& out, bool small) {
    out += "£";
    if (small) {
      if (rng.chance(50)) {
        append_int(out, rng.range(12, 95) * 10);
        out += ",000";
      } else {
        append_int(out, rng.range(1, 4));
        out += '.';
        append_int(out, rng.range(1, 9));
        out += 'm';
      }
      return;
    }
    if (rng.chance(45)) {
      append_int(out, rng.range(1, 40));
      out += '.';
      append_int(out, rng.range(1, 9));
    } else {
      append_int(out, rng.range(2, 250));
    }
    out += 'm';
  }

  // National sums: hundreds of millions to a few billion.
  void national_money(std::string& out) {
    out += "£";
    if (rng.chance(40)) {
      append_int(out, rng.range(3, 9) * 100);
      out += 'm';
    } else {
      append_int(out, rng.range(1, 4));
      out += '.';
      append_int(out, rng.range(1, 9));
      out += "bn";
    }
  }

  // Placeholder reference (one character after '$'):
  //   C/D  primary/second council as written in copy     P/p  primary/second place, short form
  //   T/X  topic/second-topic noun phrase   I issue   A action   h headline noun   i headline issue
  //   O    lead officer title   K portfolio   S/s councillor full/short   J/j/U interviewee name/surname/role
  //   k    year interviewee took post   a byline   z "s" if one author   y "s" if one author (say/says)
  //   G    national body   g government department   M/m council money large/small   B national money   N percent   n council tax rise
  //   Y/Z  this/next financial year   W month name   R region   Q council quote   q government quote
  //   c    council quote ending in a comma, for "“...,” said X"   V said/says   L Markdown link
  void expand_key(std::string& out, char key) {
    const Topic& t = *ctx.topic;
    switch (key) {
      case 'C': out += kCouncils[ctx.council].full; break;
      case 'D': out += kCouncils[ctx.council2].full; break;
      case 'P': out += kCouncils[ctx.council].place; break;
      case 'p': out += kCouncils[ctx.council2].place; break;
      case 'R': out += kRegionNames[kCouncils[ctx.council].region]; break;
      case 'T': out += rng.pick(t.nouns); break;
      case 'X': out += rng.pick(ctx.topic2->nouns); break;
      case 'I': out += rng.pick(t.issues); break;
      case 'A': out += rng.pick(t.actions); break;
      case 'h': out += rng.pick(t.heads); break;
      case 'i': out += rng.pick(t.hissues); break;
      case 'O': out += t.officer; break;
      case 'K': out += t.portfolio; break;
      case 'S': out += ctx.speaker; break;
      case 's': out += ctx.speaker_short; break;
      case 'J': out += ctx.interviewee; break;
      case 'j': out += ctx.interviewee_surname; break;
      case 'U': out += ctx.interviewee_role; break;
      case 'k': append_int(out, ctx.interviewee_since); break;
      case 'a': out += ctx.byline_text; break;
      case 'z': if (ctx.byline.size() == 1) out += 's'; break;
      case 'y': if (ctx.byline.size() == 1) out += 's'; break;
      case 'G':
        out += rng.chance(60) ? rng.pick(t.bodies)
                              : std::string_view(rng.chance(50) ? "the Local Government Association"
                                                                : "the Local Government Information Unit");
        break;
      case 'g': out += ctx.dept; break;
      case 'M': money(out, false); break;
      case 'm': money(out, true); break;
      case 'B': national_money(out); break;
      case 'N':
        append_int(out, rng.range(3, 42));
        out += '%';
        break;
      case 'n': out += rng.chance(70) ? "4.99%" : (rng.chance(50) ? "2.99%" : "1.99%"); break;
      case 'Y': out += ctx.fy; break;
      case 'Z': out += ctx.fy_next; break;
      case 'W': out += ctx.dept_month; break;
      case 'Q': expand(out, pick_fresh(kQuotes)); break;
      case 'c':  // a quote followed by its attribution: the closing full stop becomes a comma
        expand(out, pick_fresh(kQuotes));
        if (!out.empty() && out.back() == '.') out.back() = ',';
        break;
      case 'q': expand(out, rng.pick(kGovQuotes)); break;
      case 'V': out += ctx.section == kNews ? "said" : "says"; break;
      case 'L':
        out += '[';
        out += rng.pick(kLinkTexts);
        out += "](https://example.org/reports/";
        out += slugify(kCouncils[ctx.council].place);
        out += '-';
        out += slugify(t.tag);
        out += ')';
        break;
      default:
        out += '$';
        out += key;
    }
  }

  void expand(std::string& out, std::string_view tmpl) {
    std::size_t i = 0;
    while (i < tmpl.size()) {
      const std::size_t dollar = tmpl.find('$', i);
      if (dollar == std::string_view::npos || dollar + 1 >= tmpl.size()) {
        out.append(tmpl.substr(i));
        return;
      }
      out.append(tmpl.substr(i, dollar - i));
      expand_key(out, tmpl[dollar + 1]);
      i = dollar + 2;
    }
  }

  // Appends one sentence (with a leading space when continuing a paragraph); returns its word count.
  std::size_t sentence(std::string& out, std::string_view tmpl) {
    if (!out.empty() && out.back() != '\n') out += ' ';
    const std::size_t start = out.size();
    expand(out, tmpl);
    capitalise_from(out, start);
    return count_words(std::string_view(out).substr(start));
  }

  // --- Per-article context --------------------------------------------------------------------------

  SectionKind pick_section() {
    int r = static_cast<int>(rng.below(100));
    for (int s = 0; s < kSectionCount; ++s) {
      r -= kSections[s].weight;
      if (r < 0) return static_cast<SectionKind>(s);
    }
    return kNews;
  }

  std::string random_name() {
    std::string n(rng.pick(kFirstNames));
    n += ' ';
    n += rng.pick(kSurnames);
    return n;
  }

  // Staff write news, features, interviews and most analysis; practitioners write comment and best
  // practice. A second byline appears only on staff-written pieces.
  void pick_byline() {
    ctx.byline.clear();
    const bool practitioner = ctx.section == kComment || ctx.section == kBestPractice ||
                              (ctx.section == kAnalysis && rng.chance(25));
    const auto& pool = practitioner ? practitioners : staff;
    ctx.byline.push_back(pool[rng.below(pool.size())]);
    const bool second = !practitioner && ctx.section != kInterviews && rng.chance(12);
    if (second) {
      std::size_t other = staff[rng.below(staff.size())];
      if (other == ctx.byline[0]) other = staff[(rng.below(staff.size() - 1) + 1 + other) % staff.size()];
      if (other != ctx.byline[0]) ctx.byline.push_back(other);
    }
    ctx.byline_text = std::string(kAuthors[ctx.byline[0]].name);
    if (ctx.byline.size() == 2) {
      ctx.byline_text += " and ";
      ctx.byline_text += kAuthors[ctx.byline[1]].name;
    }
  }

  // A practitioner writes about their own council, which keeps comment pieces coherent.
  void pick_councils() {
    const std::int64_t home = author_council[ctx.byline[0]];
    ctx.council = home >= 0 && rng.chance(80) ? static_cast<std::size_t>(home) : rng.below(kCouncilCount);
    ctx.council2 = (ctx.council + 1 + rng.below(kCouncilCount - 1)) % kCouncilCount;
  }

  void pick_people() {
    const std::string_view first = rng.pick(kFirstNames);
    const std::string_view last = rng.pick(kSurnames);
    ctx.speaker = "Cllr ";
    ctx.speaker += first;
    ctx.speaker += ' ';
    ctx.speaker += last;
    ctx.speaker_short = "Cllr ";
    ctx.speaker_short += last;
    if (ctx.section != kInterviews) return;
    const std::string_view ifirst = rng.pick(kFirstNames);
    const std::string_view ilast = rng.pick(kSurnames);
    ctx.interviewee = std::string(ifirst) + ' ' + std::string(ilast);
    ctx.interviewee_surname = std::string(ilast);
    const std::size_t r = rng.below(3);
    const std::string_view title = r == 0 ? "chief executive" : r == 1 ? "leader" : ctx.topic->officer;
    ctx.interviewee_role = std::string(title) + " of " + std::string(kCouncils[ctx.council].full);
  }

  void set_dates(std::int64_t at) {
    ctx.published_at = at;
    int year = 0, month = 0;
    civil_from_days(floor_div(at, kDay), year, month);
    const int fy_start = month >= 4 ? year : year - 1;  // UK financial year starts in April
    ctx.fy = financial_year(fy_start);
    ctx.fy_next = financial_year(fy_start + 1);
    ctx.dept_month = std::string(kMonths[month % 12]);  // next month: month is 1-based
    ctx.dept = department_at(at);
    ctx.interviewee_since = std::max(2008, year - rng.range(1, 9));
  }

  // A neighbouring subject for cross-references ("the knock-on effect on $X"): a related topic when the
  // primary topic lists one, so the cross-reference makes sense.
  const Topic* second_topic() {
    const auto& all = topics();
    const Topic* related[8];
    std::size_t n = 0;
    for (const Topic& t : all)
      if (&t != ctx.topic && n < std::size(related) &&
          std::find(ctx.topic->related.begin(), ctx.topic->related.end(), t.tag) != ctx.topic->related.end())
        related[n++] = &t;
    if (n > 0 && rng.chance(80)) return related[rng.below(n)];
    const Topic* other = &all[rng.below(all.size())];
    return other != ctx.topic ? other : &all[(static_cast<std::size_t>(other - all.data()) + 1) % all.size()];
  }

  void new_context() {
    ctx.used.clear();
    ctx.section = pick_section();
    const auto& all = topics();
    ctx.topic = &all[rng.below(all.size())];
    ctx.topic2 = second_topic();
    pick_byline();
    pick_councils();
    pick_people();
    set_dates(next_time());
  }

  // --- Publication times ----------------------------------------------------------------------------

  // Weekdays carry 3-8 pieces, weekends 0-2, at times within UK working hours (07:00-19:00, taken as
  // UTC: BST drift of an hour does not matter for demo data).
  // `already` counts pieces already placed on this day (the one at `newest`).
  void fill_day(std::int64_t day, std::int64_t upper_exclusive, int already) {
    const std::int64_t dow = (floor_div(day, kDay) + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    const bool weekend = dow == 0 || dow == 6;
    const int count = (weekend ? rng.range(0, 2) : rng.range(3, 8)) - already;
    const std::int64_t lo = day + 7 * 3600;
    const std::int64_t hi = std::min(day + 19 * 3600, upper_exclusive);
    if (hi <= lo) return;
    const auto window = static_cast<std::size_t>(hi - lo);
    for (int i = 0; i < count; ++i) pending.push_back(lo + static_cast<std::int64_t>(rng.below(window)));
    std::sort(pending.begin(), pending.end());  // ascending; consumed from the back = newest first
  }

  std::int64_t next_time() {
    if (!started) {
      // The first article is published exactly at `newest`; the rest of that day fills in below it.
      started = true;
      day_start = floor_div(newest, kDay) * kDay;
      fill_day(day_start, newest, 1);
      return newest;
    }
    while (pending.empty()) {
      day_start -= kDay;
      fill_day(day_start, day_start + kDay, 0);
    }
    const std::int64_t t = pending.back();
    pending.pop_back();
    return t;
  }

  // --- Headline, standfirst, tags -------------------------------------------------------------------

  Pool headline_pool() const {
    switch (ctx.section) {
      case kComment: return kHeadComment;
      case kFeatures: return kHeadFeatures;
      case kBestPractice: return kHeadPractice;
      case kInterviews: return kHeadInterviews;
      case kAnalysis: return kHeadAnalysis;
      default: return kHeadNews;
    }
  }

  std::string compose_headline(std::string_view tmpl) {
    std::string h;
    expand(h, tmpl);
    capitalise_from(h, 0);
    return h;
  }

  // Unique by construction: every emitted headline's hash is remembered. A clash first gets a
  // distinguishing phrase; if several phrases clash too, a new headline is composed.
  std::string headline() {
    for (;;) {
      const std::string base = compose_headline(rng.pick(headline_pool()));
      if (headlines.insert(fnv1a(base)).second) return base;
      for (int tries = 0; tries < 4; ++tries) {
        std::string h = base;
        expand(h, rng.pick(kHeadSuffixes));
        if (headlines.insert(fnv1a(h)).second) return h;
      }
    }
  }

  Pool standfirst_pool() const {
    switch (ctx.section) {
      case kComment: return kStandComment;
      case kFeatures: return kStandFeatures;
      case kBestPractice: return kStandPractice;
      case kInterviews: return kStandInterviews;
      case kAnalysis: return kStandAnalysis;
      default: return kStandNews;
    }
  }

  // 20-45 words; templates are written to land there, and a few re-draws absorb long fills.
  std::string standfirst() {
    std::string s;
    for (int tries = 0; tries < 12; ++tries) {
      s.clear();
      expand(s, rng.pick(standfirst_pool()));
      capitalise_from(s, 0);
      const std::size_t words = count_words(s);
      if (words >= 20 && words <= 45) break;
    }
    return s;
  }

  // 2-5 tags: the topic's own, some related ones, and occasionally a general one; no duplicates.
  std::vector<std::string> tags() {
    std::vector<std::string> out{std::string(ctx.topic->tag)};
    const int want = rng.range(2, 5);
    const auto add = [&out](std::string_view t) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    };
    for (int tries = 0; tries < 12 && static_cast<int>(out.size()) < want; ++tries) {
      if (tries % 4 == 3 || rng.chance(15)) add(rng.pick(kGeneralTags));
      else add(rng.pick(ctx.topic->related));
    }
    if (out.size() < 2) add(ctx.topic2->tag);
    return out;
  }

  // --- Body -----------------------------------------------------------------------------------------

  enum ParaKind { kLedePara, kContextPara, kFiguresPara, kNationalPara, kReactionPara, kQuotePara,
                  kArguePara, kPracticePara, kFeaturePara, kInterviewPara, kAnalysisPara };

  Pool pool_for(ParaKind k) const {
    switch (k) {
      case kLedePara: return kLede;
      case kContextPara: return kContext;
      case kFiguresPara: return kFigures;
      case kNationalPara: return kNational;
      case kReactionPara: return kReaction;
      case kArguePara: return kArgue;
      case kPracticePara: return kPractice;
      case kFeaturePara: return kFeature;
      case kInterviewPara: return kInterview;
      case kAnalysisPara: return kAnalysisLines;
      case kQuotePara: break;
    }
    return kContext;
  }

  ParaKind opening_kind() const {
    switch (ctx.section) {
      case kComment: return kArguePara;
      case kFeatures: return kFeaturePara;
      case kBestPractice: return kPracticePara;
      case kInterviews: return kInterviewPara;
      case kAnalysis: return kAnalysisPara;
      default: return kLedePara;
    }
  }

  // The mix of paragraph kinds after the opening, per section; repeats weight the draw.
  ParaKind middle_kind() {
    static constexpr ParaKind kNewsMix[] = {kContextPara, kContextPara, kQuotePara, kFiguresPara,
                                            kNationalPara, kReactionPara, kQuotePara};
    static constexpr ParaKind kCommentMix[] = {kArguePara, kArguePara, kContextPara, kFiguresPara,
                                               kNationalPara};
    static constexpr ParaKind kFeatureMix[] = {kFeaturePara, kFeaturePara, kQuotePara, kPracticePara,
                                               kContextPara, kFiguresPara};
    static constexpr ParaKind kPracticeMix[] = {kPracticePara, kPracticePara, kQuotePara, kFiguresPara,
                                                kArguePara};
    static constexpr ParaKind kInterviewMix[] = {kInterviewPara, kQuotePara, kQuotePara, kContextPara,
                                                 kInterviewPara};
    static constexpr ParaKind kAnalysisMix[] = {kAnalysisPara, kFiguresPara, kFiguresPara, kNationalPara,
                                                kContextPara, kArguePara};
    switch (ctx.section) {
      case kComment: return kCommentMix[rng.below(std::size(kCommentMix))];
      case kFeatures: return kFeatureMix[rng.below(std::size(kFeatureMix))];
      case kBestPractice: return kPracticeMix[rng.below(std::size(kPracticeMix))];
      case kInterviews: return kInterviewMix[rng.below(std::size(kInterviewMix))];
      case kAnalysis: return kAnalysisMix[rng.below(std::size(kAnalysisMix))];
      default: return kNewsMix[rng.below(std::size(kNewsMix))];
    }
  }

  std::pair<int, int> paragraph_range() const {
    switch (ctx.section) {
      case kNews: return {5, 10};
      case kComment: return {6, 11};
      case kFeatures: return {8, 14};
      case kBestPractice: return {7, 12};
      case kInterviews: return {7, 13};
      default: return {7, 13};
    }
  }

  // Topping-up sentences come from any of the section's prose pools that still has fresh templates,
  // which keeps long pieces from repeating themselves.
  Pool filler_pool() {
    for (int tries = 0; tries < 8; ++tries) {
      const ParaKind k = middle_kind();
      if (k == kQuotePara) continue;
      const Pool p = pool_for(k);
      if (!exhausted(p)) return p;
    }
    return exhausted(kContext) ? Pool(kArgue) : Pool(kContext);
  }

  // A quote paragraph: one attributed quote, sometimes followed by a second.
  std::size_t quote_paragraph(std::string& out, std::size_t budget) {
    std::size_t words = 0;
    if (ctx.section == kInterviews) {
      words += sentence(out, pick_fresh(kInterviewQuotes));
      if (words < budget) words += sentence(out, "“$Q”");  // a continuation: one attribution per paragraph
      return words;
    }
    words += sentence(out, pick_fresh(kQuoteLines));
    if (words + 15 < budget && rng.chance(50)) words += sentence(out, kQuoteFollow[rng.below(2)]);
    return words;
  }

  // Fills one paragraph to roughly `budget` words, starting from `kind` and topping up from `kind`
  // or the section's filler pool.
  std::size_t paragraph(std::string& out, ParaKind kind, std::size_t budget, bool link) {
    std::size_t words = 0;
    if (kind == kQuotePara) {
      words = quote_paragraph(out, budget);
    } else {
      const Pool first = pool_for(kind);
      words += sentence(out, pick_fresh(first));
      for (int n = 1; n < 5 && words < budget; ++n) {
        // A lede is one sentence; what follows it is context, as in a news report.
        Pool from = filler_pool();
        if (kind == kLedePara) from = rng.chance(70) ? Pool(kContext) : Pool(kFigures);
        else if (rng.chance(55) && !exhausted(first)) from = first;
        words += sentence(out, pick_fresh(from));
      }
    }
    if (link) words += sentence(out, rng.pick(kLinkLines));
    out += "\n\n";
    return words;
  }

  // The list's lead-in ends the previous paragraph, so the list does not add a prose paragraph.
  std::size_t bullet_list(std::string& out) {
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::size_t words = sentence(out, rng.pick(kListIntros));
    out += "\n\n";
    const std::size_t n = 3 + rng.below(3);
    const std::size_t start = rng.below(std::size(kListItems));
    for (std::size_t i = 0; i < n; ++i) {
      out += "- ";
      const std::size_t from = out.size();
      // Consecutive items from a random start: distinct without bookkeeping. Topic actions lead.
      if (i == 0) expand(out, rng.pick(ctx.topic->actions));
      else expand(out, kListItems[(start + i) % std::size(kListItems)]);
      capitalise_from(out, from);
      words += count_words(std::string_view(out).substr(from));
      out += '\n';
    }
    out += '\n';
    return words;
  }

  // 5-14 paragraphs, 1-3 subheadings, ~400-1,100 words. The word target scales with paragraph count
  // so short pieces are not padded and long ones are not thin.
  std::string body() {
    const auto [lo, hi] = paragraph_range();
    const int paras = rng.range(lo, hi);
    const std::size_t target = std::clamp<std::size_t>(static_cast<std::size_t>(paras * rng.range(58, 88)), 420, 1080);
    const std::size_t per_para = target / static_cast<std::size_t>(paras);
    const int heads = std::clamp(paras / 4, 1, 3);
    const int list_at = rng.chance(30) ? rng.range(1, paras - 2) : -1;
    const int link_at = rng.chance(25) ? rng.range(1, paras - 1) : -1;

    std::string out;
    out.reserve(8192);
    std::size_t words = 0;
    int heads_done = 0;
    for (int p = 0; p < paras; ++p) {
      // Subheadings are spaced evenly after the opening paragraphs.
      if (heads_done < heads && p == 2 + heads_done * ((paras - 2) / heads)) {
        out += "## ";
        const std::size_t from = out.size();
        expand(out, pick_fresh(kSubheads));
        capitalise_from(out, from);
        out += "\n\n";
        ++heads_done;
      }
      const std::size_t left = target > words ? target - words : 0;
      const std::size_t budget = std::min(per_para, left);
      ParaKind kind = p == 0 ? opening_kind() : middle_kind();
      if (p == paras - 1 && ctx.section == kNews) kind = kReactionPara;
      words += paragraph(out, kind, budget, p == link_at);
      if (p == list_at) words += bullet_list(out);
    }
    words += closing(out);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    while (words < 380) words += sentence(out, pick_fresh(filler_pool()));  // rare: many short fills
    out += '\n';
    return out;
  }

  // News ends on what happens next; other sections on a reflective line appended to the last paragraph.
  std::size_t closing(std::string& out) {
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::size_t words = sentence(out, rng.pick(ctx.section == kNews ? Pool(kNext) : Pool(kClosing)));
    out += "\n\n";
    return words;
  }

  ArticleInput next() {
    new_context();
    ArticleInput a;
    a.section = std::string(kSections[ctx.section].name);
    for (const std::size_t i : ctx.byline) a.authors.emplace_back(kAuthors[i].name);
    a.headline = headline();
    a.standfirst = standfirst();
    a.body_markdown = body();
    a.tags = tags();
    a.published_at = ctx.published_at;
    a.status = Status::published;
    return a;
  }
};

DemoGenerator::DemoGenerator(std::uint64_t seed, std::int64_t newest)
    : impl_(std::make_unique<Impl>(seed, newest)) {}

DemoGenerator::~DemoGenerator() = default;

const std::vector<AuthorProfile>& DemoGenerator::authors() const { return impl_->author_profiles; }

const std::vector<Section>& DemoGenerator::sections() const { return impl_->section_list; }

ArticleInput DemoGenerator::next() { return impl_->next(); }

}  // namespace gazette::demo
