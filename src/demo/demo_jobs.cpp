// Demo job generator: composes UK council job adverts from the tables below. Every word of output
// comes from this file; nothing is read at run time.
//
// How it works, briefly:
//   * An advert starts from a role (title, intended category, pay band, a few variants) and an
//     employer (a council's official name, its region and towns), chosen independently.
//   * The salary line is drawn from the band in one of the formats councils really use; the band sets
//     the level, so a Director is paid like one and a Lifeguard by the hour.
//   * The description is Markdown: an opening paragraph, a duties list from the category's own pool,
//     a paragraph about the council, benefits and (on most adverts) a prose closing-date line.
//   * A splitmix64 PRNG with our own range mapping keeps output identical across standard libraries.
#include "demo/demo_jobs.h"

#include "demo/demo_random.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::demo {
namespace {

using jobs::JobInput;
using Rng = DemoRng;

// ---------------------------------------------------------------------------------------------------
// Places

constexpr std::string_view kRegions[] = {
    "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland"};
enum Region { kNE, kNW, kYH, kEM, kWM, kEE, kLon, kSE, kSW, kWal, kSco, kNI };

struct Employer {
  std::string_view name;        // as the council signs its adverts
  Region region;
  std::string_view towns[3];    // where the post is based; empty entries unused
  std::string_view kind;        // "county council", "London borough", ... for the "about us" prose
};

constexpr Employer kEmployers[] = {
    {"Essex County Council", kEE, {"Chelmsford", "Colchester", "Basildon"}, "county council"},
    {"Hertfordshire County Council", kEE, {"Hertford", "Stevenage", "Watford"}, "county council"},
    {"Norfolk County Council", kEE, {"Norwich", "King's Lynn", "Great Yarmouth"}, "county council"},
    {"Suffolk County Council", kEE, {"Ipswich", "Bury St Edmunds", "Lowestoft"}, "county council"},
    {"Cambridgeshire County Council", kEE, {"Cambridge", "Huntingdon", "Ely"}, "county council"},
    {"Peterborough City Council", kEE, {"Peterborough", "", ""}, "unitary council"},
    {"Luton Borough Council", kEE, {"Luton", "", ""}, "unitary council"},
    {"Norwich City Council", kEE, {"Norwich", "", ""}, "district council"},
    {"Mid Suffolk District Council", kEE, {"Stowmarket", "Needham Market", ""}, "district council"},
    {"South Cambridgeshire District Council", kEE, {"Cambourne", "", ""}, "district council"},
    {"London Borough of Camden", kLon, {"Camden", "Kentish Town", "Holborn"}, "London borough"},
    {"London Borough of Southwark", kLon, {"Southwark", "Peckham", "Bermondsey"}, "London borough"},
    {"London Borough of Hackney", kLon, {"Hackney", "Dalston", ""}, "London borough"},
    {"London Borough of Lambeth", kLon, {"Brixton", "Streatham", ""}, "London borough"},
    {"London Borough of Croydon", kLon, {"Croydon", "", ""}, "London borough"},
    {"London Borough of Barnet", kLon, {"Hendon", "Barnet", ""}, "London borough"},
    {"London Borough of Newham", kLon, {"Stratford", "East Ham", ""}, "London borough"},
    {"London Borough of Islington", kLon, {"Islington", "Holloway", ""}, "London borough"},
    {"London Borough of Tower Hamlets", kLon, {"Whitechapel", "Poplar", ""}, "London borough"},
    {"London Borough of Lewisham", kLon, {"Lewisham", "Catford", ""}, "London borough"},
    {"London Borough of Ealing", kLon, {"Ealing", "Southall", "Acton"}, "London borough"},
    {"London Borough of Brent", kLon, {"Wembley", "Harlesden", ""}, "London borough"},
    {"Royal Borough of Greenwich", kLon, {"Woolwich", "Eltham", ""}, "London borough"},
    {"Westminster City Council", kLon, {"Westminster", "Marylebone", ""}, "London borough"},
    {"Kent County Council", kSE, {"Maidstone", "Ashford", "Canterbury"}, "county council"},
    {"Surrey County Council", kSE, {"Reigate", "Guildford", "Woking"}, "county council"},
    {"Hampshire County Council", kSE, {"Winchester", "Basingstoke", "Eastleigh"}, "county council"},
    {"Oxfordshire County Council", kSE, {"Oxford", "Banbury", "Abingdon"}, "county council"},
    {"Buckinghamshire Council", kSE, {"Aylesbury", "High Wycombe", "Amersham"}, "unitary council"},
    {"Brighton and Hove City Council", kSE, {"Brighton", "Hove", ""}, "unitary council"},
    {"Milton Keynes City Council", kSE, {"Milton Keynes", "", ""}, "unitary council"},
    {"Reading Borough Council", kSE, {"Reading", "", ""}, "unitary council"},
    {"Portsmouth City Council", kSE, {"Portsmouth", "Southsea", ""}, "unitary council"},
    {"Southampton City Council", kSE, {"Southampton", "", ""}, "unitary council"},
    {"Maidstone Borough Council", kSE, {"Maidstone", "", ""}, "district council"},
    {"Sevenoaks District Council", kSE, {"Sevenoaks", "Swanley", ""}, "district council"},
    {"West Berkshire Council", kSE, {"Newbury", "Thatcham", ""}, "unitary council"},
    {"Cornwall Council", kSW, {"Truro", "Bodmin", "Camborne"}, "unitary council"},
    {"Devon County Council", kSW, {"Exeter", "Barnstaple", "Newton Abbot"}, "county council"},
    {"Gloucestershire County Council", kSW, {"Gloucester", "Cheltenham", "Stroud"}, "county council"},
    {"Somerset Council", kSW, {"Taunton", "Yeovil", "Bridgwater"}, "unitary council"},
    {"Wiltshire Council", kSW, {"Trowbridge", "Salisbury", "Chippenham"}, "unitary council"},
    {"Bristol City Council", kSW, {"Bristol", "", ""}, "unitary council"},
    {"Plymouth City Council", kSW, {"Plymouth", "", ""}, "unitary council"},
    {"Swindon Borough Council", kSW, {"Swindon", "", ""}, "unitary council"},
    {"East Devon District Council", kSW, {"Honiton", "Exmouth", "Sidmouth"}, "district council"},
    {"Cheltenham Borough Council", kSW, {"Cheltenham", "", ""}, "district council"},
    {"Birmingham City Council", kWM, {"Birmingham", "Sutton Coldfield", ""}, "metropolitan council"},
    {"Coventry City Council", kWM, {"Coventry", "", ""}, "metropolitan council"},
    {"Sandwell Metropolitan Borough Council", kWM, {"Oldbury", "West Bromwich", ""}, "metropolitan council"},
    {"Dudley Metropolitan Borough Council", kWM, {"Dudley", "Stourbridge", ""}, "metropolitan council"},
    {"City of Wolverhampton Council", kWM, {"Wolverhampton", "", ""}, "metropolitan council"},
    {"Staffordshire County Council", kWM, {"Stafford", "Tamworth", "Burton upon Trent"}, "county council"},
    {"Warwickshire County Council", kWM, {"Warwick", "Nuneaton", "Rugby"}, "county council"},
    {"Shropshire Council", kWM, {"Shrewsbury", "Oswestry", "Ludlow"}, "unitary council"},
    {"Nottinghamshire County Council", kEM, {"West Bridgford", "Mansfield", "Newark"}, "county council"},
    {"Derbyshire County Council", kEM, {"Matlock", "Chesterfield", "Buxton"}, "county council"},
    {"Lincolnshire County Council", kEM, {"Lincoln", "Boston", "Grantham"}, "county council"},
    {"Leicestershire County Council", kEM, {"Glenfield", "Loughborough", "Hinckley"}, "county council"},
    {"Nottingham City Council", kEM, {"Nottingham", "", ""}, "unitary council"},
    {"Leicester City Council", kEM, {"Leicester", "", ""}, "unitary council"},
    {"Derby City Council", kEM, {"Derby", "", ""}, "unitary council"},
    {"Leeds City Council", kYH, {"Leeds", "Morley", "Otley"}, "metropolitan council"},
    {"Sheffield City Council", kYH, {"Sheffield", "", ""}, "metropolitan council"},
    {"Kirklees Council", kYH, {"Huddersfield", "Dewsbury", ""}, "metropolitan council"},
    {"Doncaster Metropolitan Borough Council", kYH, {"Doncaster", "", ""}, "metropolitan council"},
    {"Wakefield Metropolitan District Council", kYH, {"Wakefield", "Pontefract", ""}, "metropolitan council"},
    {"North Yorkshire Council", kYH, {"Northallerton", "Harrogate", "Scarborough"}, "unitary council"},
    {"City of York Council", kYH, {"York", "", ""}, "unitary council"},
    {"Hull City Council", kYH, {"Hull", "", ""}, "unitary council"},
    {"Manchester City Council", kNW, {"Manchester", "Wythenshawe", ""}, "metropolitan council"},
    {"Liverpool City Council", kNW, {"Liverpool", "", ""}, "metropolitan council"},
    {"Lancashire County Council", kNW, {"Preston", "Lancaster", "Burnley"}, "county council"},
    {"Stockport Metropolitan Borough Council", kNW, {"Stockport", "", ""}, "metropolitan council"},
    {"Wigan Metropolitan Borough Council", kNW, {"Wigan", "Leigh", ""}, "metropolitan council"},
    {"Bolton Metropolitan Borough Council", kNW, {"Bolton", "", ""}, "metropolitan council"},
    {"Cumberland Council", kNW, {"Carlisle", "Workington", "Whitehaven"}, "unitary council"},
    {"Westmorland and Furness Council", kNW, {"Kendal", "Barrow-in-Furness", "Penrith"}, "unitary council"},
    {"Newcastle City Council", kNE, {"Newcastle upon Tyne", "", ""}, "metropolitan council"},
    {"Sunderland City Council", kNE, {"Sunderland", "Washington", ""}, "metropolitan council"},
    {"Gateshead Council", kNE, {"Gateshead", "", ""}, "metropolitan council"},
    {"Durham County Council", kNE, {"Durham", "Bishop Auckland", "Consett"}, "unitary council"},
    {"Northumberland County Council", kNE, {"Morpeth", "Hexham", "Blyth"}, "unitary council"},
    {"Middlesbrough Council", kNE, {"Middlesbrough", "", ""}, "unitary council"},
    {"Cardiff Council", kWal, {"Cardiff", "", ""}, "Welsh unitary council"},
    {"Swansea Council", kWal, {"Swansea", "Gorseinon", ""}, "Welsh unitary council"},
    {"Newport City Council", kWal, {"Newport", "", ""}, "Welsh unitary council"},
    {"Gwynedd Council", kWal, {"Caernarfon", "Bangor", "Dolgellau"}, "Welsh unitary council"},
    {"City of Edinburgh Council", kSco, {"Edinburgh", "", ""}, "Scottish council"},
    {"Glasgow City Council", kSco, {"Glasgow", "", ""}, "Scottish council"},
    {"Fife Council", kSco, {"Glenrothes", "Kirkcaldy", "Dunfermline"}, "Scottish council"},
    {"Highland Council", kSco, {"Inverness", "Fort William", "Wick"}, "Scottish council"},
    {"Aberdeen City Council", kSco, {"Aberdeen", "", ""}, "Scottish council"},
    {"Belfast City Council", kNI, {"Belfast", "", ""}, "Northern Ireland council"},
};

// ---------------------------------------------------------------------------------------------------
// Roles. Pay bands (annual full-time equivalent, lower end of the post's range):
//   0 £23.5-25k (front line, often paid by the hour)  1 £25-29k  2 £29-36k  3 £36-45k  4 £45-57k
//   5 £57-78k  6 £78-110k (heads of service)  7 £115-190k (chief officers)

constexpr int kBandLo[] = {23500, 25000, 29000, 36000, 45000, 57000, 78000, 115000};
constexpr int kBandHi[] = {25000, 29000, 36000, 45000, 57000, 78000, 110000, 190000};

struct Role {
  std::string_view title;
  int band;
  bool graded = false;  // takes "Senior " / "Principal " variants, a band or two up
};

struct CategoryText {
  std::string_view slug;
  std::string_view team;                    // "our planning service"
  std::vector<Role> roles;
  std::vector<std::string_view> duties;     // list items, lower-case start, no full stop
  std::vector<std::string_view> purpose;    // a sentence on what the team achieves
};

const std::vector<CategoryText>& category_texts() {
  static const std::vector<CategoryText> kTexts = {
      {"senior-management", "the corporate leadership team",
       {{"Chief Executive", 7}, {"Deputy Chief Executive", 7}, {"Director of Adult Social Services", 7},
        {"Director of Children's Services", 7}, {"Corporate Director of Place", 7},
        {"Director of Finance and Resources", 7}, {"Strategic Director of Communities", 7},
        {"Assistant Director – Housing and Regeneration", 6}, {"Director of Public Health", 7},
        {"Assistant Director – Highways", 6}, {"Managing Director", 7}},
       {"lead the directorate and its senior leadership team through a period of significant change",
        "advise the leader, cabinet and full council on strategy and the budget",
        "hold statutory responsibilities and account for them to members and regulators",
        "build strong partnerships with the NHS, police and the voluntary sector",
        "set direction for a workforce of several thousand staff",
        "deliver a balanced medium-term financial plan while protecting front-line services"},
       {"This is a chance to shape the future of the whole organisation.",
        "The post sits at the heart of the council's senior leadership team."}},
      {"adult-social-care", "our adult social care service",
       {{"Social Worker – Older People", 3}, {"Senior Social Worker – Adult Mental Health", 4},
        {"Occupational Therapist", 3, true}, {"Reablement Support Worker", 0},
        {"Home Care Worker", 0}, {"Approved Mental Health Professional (AMHP)", 4},
        {"Day Services Officer – Adults with Learning Disabilities", 1},
        {"Team Manager – Adult Social Care", 4}, {"Best Interests Assessor (DoLS)", 4},
        {"Shared Lives Coordinator", 2}, {"Care Home Assistant", 0},
        {"Social Worker – Adults", 3, true}},
       {"carry out Care Act assessments and review support plans with adults and their carers",
        "work alongside hospital discharge teams to help older people return home safely",
        "promote independence through reablement and short-term support",
        "safeguard adults at risk and lead enquiries where needed",
        "commission personal budgets and direct payments that give people real choice",
        "support people living with dementia, learning disabilities or mental health needs"},
       {"Our adult social care teams help thousands of adults live well and independently at home.",
        "We are proud of a strengths-based approach to adult social care."}},
      {"childrens-services", "our children's services",
       {{"Social Worker – Children in Care", 3, true}, {"Senior Practitioner – Child Protection", 4},
        {"Family Support Worker", 1}, {"Residential Children's Home Worker", 1},
        {"Fostering Recruitment Officer", 2}, {"Youth Worker", 1, true}, {"Early Help Practitioner", 2},
        {"Personal Adviser – Care Leavers", 2}, {"Independent Reviewing Officer – Children Looked After", 4},
        {"Youth Justice Officer", 2}, {"Team Manager – Children's Social Care", 4}},
       {"hold a caseload of children and young people and visit them regularly",
        "complete child protection assessments and plans with partner agencies",
        "support foster carers and help children in care achieve stability",
        "work with young people leaving care as they move into adulthood",
        "deliver early help to children and their families before problems escalate",
        "represent the voice of the child in every decision we make"},
       {"We want every child and young person to grow up safe, happy and healthy.",
        "Our children's services were judged good by Ofsted at their last inspection."}},
      {"education", "our education service",
       {{"Teaching Assistant", 0}, {"SEND Caseworker", 2}, {"Educational Psychologist", 4, true},
        {"School Admissions Officer", 1}, {"Early Years Practitioner", 0},
        {"Education Welfare Officer", 2}, {"School Improvement Adviser", 4}, {"Inclusion Officer – Schools", 2},
        {"Lunchtime Supervisor", 0}, {"EHCP Coordinator", 2}, {"Headteacher – Virtual School", 5}},
       {"coordinate education, health and care plans for pupils with special educational needs",
        "work with schools to improve attendance and inclusion",
        "manage school admissions and appeals in line with the national code",
        "support pupils in the classroom under the direction of the teacher",
        "advise headteachers and governors on school improvement",
        "help early years settings give every child a strong start"},
       {"We work with more than 300 schools, academies and nurseries across the area.",
        "Every pupil deserves the chance to thrive at school."}},
      {"public-health", "our public health team",
       {{"Public Health Practitioner", 2, true}, {"Consultant in Public Health", 6},
        {"Health Improvement Officer", 2}, {"Public Health Intelligence Analyst", 3},
        {"Substance Misuse Commissioning Officer", 3}, {"Stop Smoking Adviser", 1},
        {"Sexual Health Commissioner", 4}, {"Public Health Registrar", 3}, {"Health Protection Practitioner", 3}},
       {"commission drug and alcohol and sexual health services that meet local need",
        "analyse health intelligence to show where inequalities are widest",
        "lead health improvement campaigns on smoking, obesity and physical activity",
        "support the Director of Public Health in statutory health protection duties",
        "work with the integrated care board on prevention and health inequalities"},
       {"Public health is about helping residents live longer, healthier lives.",
        "Our public health team has a strong record on reducing health inequalities."}},
      {"housing", "our housing service",
       {{"Housing Officer", 1, true}, {"Homelessness Prevention Officer", 2}, {"Tenancy Sustainment Officer", 1},
        {"Housing Allocations Officer", 1}, {"Temporary Accommodation Officer", 1},
        {"Rough Sleeping Outreach Worker", 1}, {"Private Sector Housing Officer", 2},
        {"Lettings Officer", 1}, {"Sheltered Housing Scheme Manager", 1}, {"Head of Housing Options", 6},
        {"Housing Repairs Surveyor", 3}},
       {"manage a patch of council homes and support tenants to sustain their tenancies",
        "prevent homelessness through early advice and negotiation with landlords",
        "assess applications for the housing register and make lettings",
        "place households in temporary accommodation and help them move on",
        "inspect homes in the private rented sector and enforce housing standards",
        "tackle damp and mould and make sure repairs are completed on time"},
       {"We manage more than 12,000 council homes and want every tenant to be proud of where they live.",
        "Tackling homelessness and improving housing conditions are top priorities for members."}},
      {"planning", "our planning service",
       {{"Senior Planning Officer", 3}, {"Planning Officer", 2, true}, {"Principal Planning Officer", 4},
        {"Planning Enforcement Officer", 2}, {"Planning Policy Officer", 2, true},
        {"Building Control Surveyor", 3, true}, {"Conservation Officer", 3}, {"Urban Designer", 3},
        {"Development Management Team Leader", 4}, {"Planning Technician", 1}},
       {"determine a varied caseload of planning applications, including major schemes",
        "investigate breaches of planning control and take enforcement action",
        "prepare the evidence base for the new local plan",
        "give advice on listed buildings and conservation areas",
        "negotiate section 106 agreements with developers",
        "represent the council at planning committee and appeals"},
       {"Our planning service is shaping growth across the district for the next 20 years.",
        "We are investing in the planning service and its people."}},
      {"regeneration", "our regeneration and economic development team",
       {{"Regeneration Officer", 2, true}, {"Economic Development Manager", 4}, {"Town Centre Manager", 3},
        {"Inward Investment Officer", 2}, {"Employment and Skills Coordinator", 2},
        {"Regeneration Project Manager", 4}, {"External Funding Officer", 2}, {"Head of Regeneration", 6}},
       {"deliver regeneration projects that bring vacant town centre sites back into use",
        "manage the Shared Prosperity Fund programme and report to government",
        "attract inward investment and support local businesses to grow",
        "develop town centre masterplans with landowners and residents",
        "bid for external funding and manage grant agreements"},
       {"Regeneration is transforming our town centres and creating jobs for local people.",
        "The council has an ambitious programme of economic growth and regeneration."}},
      {"highways-transport", "our highways and transport service",
       {{"Highways Inspector", 2}, {"Highways Engineer", 3, true}, {"Traffic Engineer", 3, true},
        {"Transport Planner", 3, true}, {"Civil Enforcement Officer", 0}, {"Street Lighting Technician", 1},
        {"School Crossing Patrol", 0}, {"Passenger Transport Officer", 1}, {"Active Travel Officer", 2},
        {"Parking Services Manager", 4}, {"Bridges Engineer", 3}, {"Streetworks Coordinator", 2}},
       {"inspect the highway network and record defects such as potholes",
        "design traffic management and road safety schemes",
        "coordinate street works by utility companies to keep traffic moving",
        "plan bus services and passenger transport contracts",
        "deliver active travel schemes for walking and cycling",
        "manage winter maintenance and the gritting service"},
       {"We look after more than 5,000 miles of roads, bridges and footways.",
        "Our highways teams keep the county moving in all weathers."}},
      {"environment", "our environment and regulatory services",
       {{"Environmental Health Officer", 3, true}, {"Trading Standards Officer", 2, true},
        {"Licensing Officer", 2}, {"Climate Change Officer", 3}, {"Flood Risk Engineer", 3},
        {"Countryside Ranger", 1}, {"Tree Officer", 2}, {"Pest Control Technician", 0},
        {"Food Safety Officer", 2}, {"Sustainability Officer", 2}, {"Air Quality Officer", 2}},
       {"inspect food businesses and investigate food safety complaints",
        "enforce trading standards and protect consumers from scams",
        "process licensing applications for premises and taxis",
        "deliver the council's climate action plan and net zero target",
        "manage flood risk and advise on sustainable drainage",
        "look after countryside sites, trees and green spaces"},
       {"Protecting the environment and public safety is central to everything we do.",
        "The council declared a climate emergency and is committed to net zero by 2030."}},
      {"waste", "our waste and recycling service",
       {{"Waste Collection Driver (HGV)", 0}, {"Refuse Loader", 0}, {"Recycling Officer", 2},
        {"Street Cleansing Operative", 0}, {"Waste Services Manager", 4},
        {"Household Waste Recycling Centre Operative", 0}, {"Waste Collection Supervisor", 1},
        {"Waste Strategy Officer", 3}},
       {"drive a refuse collection vehicle safely on set rounds",
        "collect household waste and recycling and return bins to the kerbside",
        "keep streets clean and respond to fly tipping",
        "promote recycling and reduce contamination",
        "plan collection rounds and supervise crews"},
       {"Our waste and recycling crews collect from more than 150,000 households every week.",
        "We have one of the highest recycling rates in the region."}},
      {"leisure-culture", "our leisure and culture service",
       {{"Library Assistant", 0}, {"Librarian", 2}, {"Lifeguard", 0}, {"Leisure Centre Manager", 4},
        {"Museum Curator", 3}, {"Archivist", 2}, {"Arts Development Officer", 2},
        {"Sports Development Officer", 2}, {"Events Officer", 2}, {"Tourism Officer", 2},
        {"Fitness Instructor", 0}, {"Heritage Officer", 2}},
       {"help visitors use library services and find what they need",
        "supervise the swimming pool and keep swimmers safe",
        "run a programme of arts, culture and heritage events",
        "care for museum collections and archives",
        "grow participation in sport and physical activity",
        "promote the area to visitors and support tourism businesses"},
       {"Our libraries, museums and leisure centres welcome more than a million visitors a year.",
        "Culture and leisure bring our communities together."}},
      {"property-facilities", "our property and facilities service",
       {{"Building Surveyor", 3, true}, {"Estates Surveyor", 3}, {"Facilities Manager", 3},
        {"Caretaker", 0}, {"Cleaner", 0}, {"Asset Management Officer", 2}, {"Clerk of Works", 3},
        {"Electrician", 1}, {"Valuer", 3}, {"Property Services Manager", 4}, {"Capital Projects Manager", 4}},
       {"manage the council's property estate and asset register",
        "survey buildings and plan maintenance programmes",
        "oversee facilities management across council buildings",
        "supervise construction and capital projects on site",
        "carry out valuations for acquisitions, disposals and leases",
        "keep buildings clean, safe and open"},
       {"Our property portfolio includes offices, depots, schools and commercial estates.",
        "We are reviewing our property estate to make it fit for the future."}},
      {"finance", "our finance service",
       {{"Finance Business Partner", 4}, {"Accountant", 3, true}, {"Senior Auditor", 3},
        {"Pensions Officer", 1}, {"Revenues Officer (Council Tax)", 1}, {"Benefits Assessor", 1},
        {"Treasury Management Officer", 3}, {"Exchequer Services Officer", 1}, {"Head of Finance", 6},
        {"Business Rates Inspector", 1}, {"Fraud Investigator", 2}, {"Finance Assistant", 0}},
       {"prepare budgets, forecasts and the statement of accounts",
        "advise budget holders on financial management",
        "carry out internal audit reviews and report to the audit committee",
        "administer council tax, business rates and housing benefit",
        "manage treasury, investments and cash flow",
        "investigate fraud and recover debt"},
       {"Sound financial management underpins every service the council delivers.",
        "Our finance team manages a net revenue budget of more than £400 million."}},
      {"procurement", "our procurement team",
       {{"Procurement Officer", 2, true}, {"Category Manager", 4}, {"Buyer", 1},
        {"Contract Manager – Procurement", 3}, {"Senior Procurement Specialist", 4},
        {"Commercial and Procurement Manager", 5}, {"Purchasing Assistant", 0}, {"Supply Chain Officer", 2}},
       {"run compliant tender processes under the Procurement Act",
        "manage contracts and supplier performance",
        "develop category strategies that secure value for money",
        "embed social value in every procurement",
        "advise services on purchasing and the supply chain"},
       {"We spend more than £500 million a year with suppliers, and want every pound to count.",
        "Our procurement team is leading the council's response to the new Procurement Act."}},
      {"legal-governance", "our legal and democratic services",
       {{"Solicitor – Childcare", 4}, {"Democratic Services Officer", 1}, {"Paralegal", 1},
        {"Senior Lawyer – Litigation", 4}, {"Electoral Services Officer", 1},
        {"Committee Services Officer", 1}, {"Information Governance Officer", 2}, {"Scrutiny Officer", 2},
        {"Registrar", 0}, {"Deputy Monitoring Officer", 5}, {"Legal Assistant", 0}, {"Property Solicitor", 4}},
       {"provide legal advice to services and members",
        "support council and committee meetings and publish decisions",
        "run elections and maintain the electoral register",
        "handle freedom of information and data protection requests",
        "conduct litigation and represent the council in court",
        "support scrutiny and governance arrangements"},
       {"Good governance and sound legal advice help the council make lawful decisions.",
        "Our legal and democratic services support 70 councillors and dozens of committees."}},
      {"hr", "our HR and organisational development team",
       {{"HR Advisor", 2, true}, {"HR Business Partner", 4}, {"Recruitment Officer", 1},
        {"Learning and Development Officer", 2}, {"Organisational Development Manager", 4},
        {"Health and Safety Adviser", 3}, {"Employee Relations Specialist", 3},
        {"Occupational Health Adviser", 3}, {"HR Apprenticeship Coordinator", 1}, {"Head of HR", 6}},
       {"advise managers on employee relations cases and HR policy",
        "lead recruitment campaigns and improve the candidate experience",
        "design learning and development programmes",
        "support organisational development and workforce planning",
        "promote health and safety across the workforce"},
       {"Our people are our greatest asset, and HR is at the centre of our workforce strategy.",
        "We want to be an employer of choice in the region."}},
      {"it-digital", "our ICT and digital service",
       {{"ICT Service Desk Analyst", 1}, {"Software Developer", 3, true}, {"Cyber Security Analyst", 3},
        {"Network Engineer", 3}, {"GIS Officer", 2}, {"Solution Architect", 5}, {"Data Engineer", 4},
        {"Infrastructure Engineer", 3}, {"Digital Product Manager", 4}, {"User Researcher", 3},
        {"Applications Support Analyst – ICT", 2}, {"Head of ICT", 6}},
       {"resolve ICT incidents and requests through the service desk",
        "develop and support software and web applications",
        "protect our systems and networks from cyber threats",
        "migrate infrastructure to the cloud",
        "design digital services around user needs",
        "maintain databases and GIS mapping systems"},
       {"We are modernising our ICT and digital services to make them simpler and more secure.",
        "Digital is at the centre of how the council works and serves residents."}},
      {"communications", "our communications team",
       {{"Communications Officer", 2, true}, {"Press Officer", 2}, {"Social Media Officer", 1},
        {"Marketing Manager", 4}, {"Graphic Designer", 2}, {"Internal Communications Lead", 3},
        {"Campaigns Officer – Communications", 2}, {"Communications and Engagement Manager", 4}},
       {"write press releases and handle media enquiries",
        "plan marketing campaigns across social media and print",
        "produce engaging content for the council's channels",
        "manage internal communications for staff",
        "design graphics and publications to the brand guidelines"},
       {"Our communications team tells the story of the council's work to residents and the media.",
        "Clear communications help residents use and understand council services."}},
      {"policy-performance", "our policy, performance and insight team",
       {{"Policy Officer", 2, true}, {"Performance Analyst", 2}, {"Data Analyst", 2, true},
        {"Research Officer", 2}, {"Business Intelligence Analyst", 3}, {"Strategy and Policy Manager", 4},
        {"Insight Manager", 4}, {"Corporate Policy Adviser", 3}, {"Performance and Insight Officer", 2}},
       {"analyse performance data and report to senior managers",
        "research policy issues and write briefings for members",
        "build business intelligence dashboards",
        "support the corporate strategy and council plan",
        "turn insight into clear recommendations"},
       {"Good policy and insight help the council spend its money where it matters most.",
        "We are building a culture where performance data drives decisions."}},
      {"customer-services-admin", "our customer services and business support team",
       {{"Customer Services Adviser", 0}, {"Contact Centre Team Leader", 1}, {"Business Support Officer", 0},
        {"Administrator", 0}, {"Receptionist", 0}, {"PA to the Chief Executive", 2}, {"Complaints Officer", 1},
        {"Administrative Assistant", 0}, {"Data Entry Clerk", 0}, {"Office Manager", 1},
        {"Customer Service Advisor", 0}},
       {"answer customer service enquiries by phone, email and face to face",
        "provide administration and business support to a busy team",
        "manage diaries, minutes and correspondence",
        "handle complaints and make sure they are answered on time",
        "greet visitors at reception"},
       {"Our contact centre handles more than a million customer contacts a year.",
        "Business support keeps the council's services running smoothly."}},
  };
  return kTexts;
}

// ---------------------------------------------------------------------------------------------------
// Prose pools. `$E` employer, `$T` title, `$L` location, `$K` council kind, `$G` team.

constexpr std::string_view kOpenings[] = {
    "$E is looking for a $T to join $G, based in $L.",
    "We are recruiting a $T to work in $G. The post is based in $L with some hybrid working.",
    "An exciting opportunity has arisen for a $T in $G at $E.",
    "Are you an experienced $T looking for your next challenge? $E wants to hear from you.",
    "Join $E as a $T and make a real difference to people in $L and beyond.",
    "We have a vacancy for a $T in $G, working from our offices in $L.",
};

constexpr std::string_view kDutyIntros[] = {
    "In this role you will:", "Your main responsibilities will be to:", "You will:",
    "Key duties include the following:", "Day to day, you will:",
};

constexpr std::string_view kPersonLines[] = {
    "You will be well organised, a clear communicator and able to manage competing priorities.",
    "We are looking for someone who is resilient, committed and keen to learn.",
    "You will hold a relevant qualification or have equivalent experience.",
    "A full driving licence and access to a vehicle are essential for this post.",
    "You will enjoy working with colleagues, partners and residents to solve problems.",
    "Experience in local government is welcome but not essential.",
};

constexpr std::string_view kAbout[] = {
    "$E is a $K serving a diverse area of towns, villages and countryside.",
    "Every day, $E delivers hundreds of services to residents and businesses.",
    "$E is an ambitious $K with a clear plan for the next four years.",
    "At $E we put residents first and value a friendly, inclusive culture.",
    "$E is a large $K and one of the biggest employers in the area.",
};

constexpr std::string_view kBenefits[] = {
    "In return we offer generous annual leave, membership of the Local Government Pension Scheme and "
    "flexible working.",
    "Benefits include 27 days' annual leave rising with service, plus bank holidays, and an employee "
    "assistance programme.",
    "We offer hybrid working, a salary sacrifice cycle scheme and discounts with local businesses.",
    "You will have access to training, professional memberships and a supportive induction.",
    "We are a disability confident employer and guarantee an interview to applicants who meet the "
    "essential criteria.",
    "We welcome applications from everyone and particularly encourage applicants from under-represented "
    "groups.",
};

constexpr std::string_view kInformal[] = {
    "For an informal discussion about the role, please contact the hiring manager.",
    "Please read the job profile before applying.",
    "We reserve the right to close this vacancy early if we receive a high volume of applications.",
    "This post is subject to an enhanced DBS check.",
};

constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                          "Saturday"};

// ---------------------------------------------------------------------------------------------------
// Formatting helpers

// "37,602"
std::string grouped(long long v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// "25.16"
std::string pounds_pence(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string ordinal(unsigned d) {
  const char* suffix = (d % 10 == 1 && d != 11) ? "st" : (d % 10 == 2 && d != 12) ? "nd" : (d % 10 == 3 && d != 13) ? "rd" : "th";
  return std::to_string(d) + suffix;
}

struct Day {
  std::chrono::year_month_day ymd;
  unsigned weekday;  // 0 Sunday
};

Day day_of(std::int64_t t) {
  using namespace std::chrono;
  const sys_days d = floor<days>(sys_seconds{seconds{t}});
  return {year_month_day{d}, weekday{d}.c_encoding()};
}

std::string iso(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.ymd.year()), unsigned(d.ymd.month()), unsigned(d.ymd.day()));
  return buf;
}

// "Friday 20th March 2026"
std::string long_date(const Day& d) {
  return std::string(kWeekdays[d.weekday]) + " " + ordinal(unsigned(d.ymd.day())) + " " +
         std::string(kMonths[unsigned(d.ymd.month()) - 1]) + " " + std::to_string(int(d.ymd.year()));
}

// "20 March 2026"
std::string plain_date(const Day& d) {
  return std::to_string(unsigned(d.ymd.day())) + " " + std::string(kMonths[unsigned(d.ymd.month()) - 1]) + " " +
         std::to_string(int(d.ymd.year()));
}

// "20/03/2026"
std::string numeric_date(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.ymd.day()), unsigned(d.ymd.month()), int(d.ymd.year()));
  return buf;
}

// NJC pay spine, approximately: SCP 2 is about £23,650 and each point adds about 1.8%.
double scp_pay(int point) { return 23656.0 * std::pow(1.0183, point - 2); }
int scp_for(double annual) { return std::max(2, 2 + static_cast<int>(std::log(annual / 23656.0) / std::log(1.0183))); }

}  // namespace

// ---------------------------------------------------------------------------------------------------

struct DemoJobGenerator::Impl {
  Rng rng;
  std::int64_t newest;
  std::int64_t day_start = 0;  // 00:00 UTC of the day being filled
  int left_today = 0, quota = 0;
  int days_back = -1;
  std::uint64_t count = 0;

  Impl(std::uint64_t seed, std::int64_t newest_) : rng{seed ^ 0x6A09E667F3BCC909ULL}, newest(newest_) {}

  // Posting times: walk back day by day from `newest`, ~100 adverts each weekday and a few at weekends.
  std::int64_t posted_at() {
    // Within a day, adverts go out between 07:30 and 18:00 (or `newest`), spread evenly, latest first.
    std::int64_t open = 0, close = 0;
    for (;;) {
      day_start = (newest / 86400 - days_back) * 86400;
      open = day_start + 7 * 3600 + 1800;
      close = std::min(day_start + 18 * 3600, newest);
      if (left_today > 0) break;
      ++days_back;
      day_start = (newest / 86400 - days_back) * 86400;
      const unsigned wd = day_of(day_start).weekday;
      quota = left_today = (wd == 0 || wd == 6) ? rng.range(0, 6) : rng.range(80, 120);
      if (std::min(day_start + 18 * 3600, newest) < day_start + 8 * 3600) quota = left_today = 0;  // too early today
    }
    --left_today;
    const std::int64_t slot = (close - open) / quota;
    return open + slot * left_today + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(slot)));
  }

  void expand(std::string& out, std::string_view tpl, const JobInput& in, const Employer& e, const CategoryText& c) {
    for (std::size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i] == '$' && i + 1 < tpl.size()) {
        switch (tpl[++i]) {
          case 'E': {  // "the London Borough of Camden" in prose; "The" at the start of a sentence
            const bool article = e.name.starts_with("London Borough") || e.name.starts_with("Royal Borough") ||
                                 e.name.starts_with("City of");
            if (article) out += (out.empty() || out.ends_with(". ") || out.ends_with("? ") || out.ends_with("\n")) ? "The " : "the ";
            out += e.name;
            break;
          }
          case 'T': out += in.title; break;
          case 'L': out += in.location; break;
          case 'K': out += e.kind; break;
          case 'G': out += c.team; break;
          default: out += '$'; out += tpl[i];
        }
      } else {
        out += tpl[i];
      }
    }
  }

  // The salary line for an annual full-time figure `lo` (the range's bottom) in `band`.
  std::string salary(int band, const JobInput& in, bool london) {
    const double lo = kBandLo[band] + static_cast<double>(rng.below(static_cast<std::size_t>(kBandHi[band] - kBandLo[band])));
    const double hi = lo * (1.0 + rng.range(5, 20) / 100.0);
    const bool part = in.hours == "Part-time" || in.hours == "Part time";
    const std::string pro_rata = part ? " pro rata" : "";
    const auto L = [](double v) { return static_cast<long long>(std::lround(v)); };

    // Words only, no figures: roughly 4% of adverts.
    const int plain = rng.below(100);
    if (plain < 2) return band >= 6 ? "Competitive" : "Competitive salary";
    if (plain < 3) return "Negotiable";
    if (plain < 4 && band < 6) return "Grade " + std::to_string(band + 3);

    if (in.contract == "Interim" || (band >= 5 && in.contract == "Temporary" && rng.chance(50))) {
      const int day = std::max(200, static_cast<int>(std::lround(lo * 1.3 / 230 / 25)) * 25);
      if (rng.chance(50)) return "£" + std::to_string(day) + " per day";
      return "£" + std::to_string(day) + " - £" + std::to_string(day + 25 * rng.range(2, 6)) + " per day (outside IR35)";
    }
    if (band == 0 && rng.chance(45)) {
      const double hour = lo / (37 * 52.143);
      if (rng.chance(60)) return "£" + pounds_pence(hour) + " per hour";
      return "£" + pounds_pence(hour) + " - £" + pounds_pence(hour * 1.06) + " per hour";
    }
    if (band == 7) {
      switch (rng.below(5)) {
        case 0: return "Up to £" + grouped(L(hi)) + " per annum";
        case 1: return "£" + grouped(L(lo / 1000) * 1000) + " - £" + grouped(L(hi / 1000) * 1000) + " per annum";
        case 2: return "Circa £" + grouped(L(hi / 5000) * 5000) + " per annum";
        case 3: return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " plus car allowance";
        default: return "£" + std::to_string(L(lo / 1000)) + "k - £" + std::to_string(L(hi / 1000)) + "k";
      }
    }
    if (london && rng.chance(40))
      return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum inc. London weighting";
    switch (rng.below(16)) {
      case 0: case 1: case 2: case 3:
        return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum" + pro_rata;
      case 4: return "£" + grouped(L(lo)) + " to £" + grouped(L(hi)) + " per year";
      case 5:
        if (lo < 52000) {
          const int p = scp_for(lo), q = p + rng.range(3, 7);
          char a[16], b[16];
          std::snprintf(a, sizeof a, "%.3f", scp_pay(p) / 1000);
          std::snprintf(b, sizeof b, "%.3f", scp_pay(q) / 1000);
          return "SCP " + std::to_string(p) + "-" + std::to_string(q) + " £" + a + " - £" + b +
                 (part ? " (p.a. pro rata)" : " (p.a.)");
        }
        [[fallthrough]];
      case 6: return "Grade " + std::to_string(band + 3) + ": £" + grouped(L(lo)) + " - £" + grouped(L(hi));
      case 7: return "£" + std::to_string(L(lo)) + ".00 - £" + std::to_string(L(hi)) + ".00 per annum";
      case 8: return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " pa" + pro_rata;
      case 9: return "£" + grouped(L(lo)) + " per annum" + pro_rata;
      case 10: return "Band " + std::to_string(band + 2) + " (£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + ")";
      case 11: return "Up to £" + grouped(L(hi / 500) * 500) + " per annum DOE";
      case 12: return "£" + grouped(L(lo / 12)) + " - £" + grouped(L(hi / 12)) + " per month";
      case 13: return "£" + std::to_string(L(lo / 1000)) + "k - £" + std::to_string(L(hi / 1000)) + "k";
      case 14: return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum (pay award pending)";
      default: return "£" + grouped(L(lo)) + " - £" + grouped(L(hi)) + " per annum plus benefits";
    }
  }

  std::string description(const JobInput& in, const Employer& e, const CategoryText& c, const Day& closes,
                          bool closing_line) {
    std::string out;
    out.reserve(1600);
    expand(out, rng.pick(kOpenings), in, e, c);
    out += ' ';
    out += rng.pick(c.purpose);
    out += "\n\n";
    out += rng.pick(kDutyIntros);
    out += "\n\n";
    const std::size_t n = 3 + rng.below(3), start = rng.below(c.duties.size());
    for (std::size_t i = 0; i < n && i < c.duties.size(); ++i) {
      std::string_view d = c.duties[(start + i) % c.duties.size()];
      out += "- ";
      out += static_cast<char>(d[0] - 32);  // duties start with a lower-case ASCII letter
      out += d.substr(1);
      out += '\n';
    }
    out += '\n';
    out += rng.pick(kPersonLines);
    out += "\n\n## About us\n\n";
    expand(out, rng.pick(kAbout), in, e, c);
    out += ' ';
    out += rng.pick(kBenefits);
    if (rng.chance(50)) {
      out += ' ';
      out += rng.pick(kInformal);
    }
    out += "\n\n";
    if (closing_line) {
      switch (rng.below(6)) {
        case 0: case 1: case 2: out += "**Closing date: " + long_date(closes) + "**"; break;
        case 3: out += "Closing date: " + long_date(closes) + "."; break;
        case 4: out += "The closing date for applications is " + plain_date(closes) + "."; break;
        default: out += "Closing date: " + numeric_date(closes) + " at midnight."; break;
      }
      if (rng.chance(30)) {
        Day interview = day_of(content_day(closes) + 86400 * rng.range(7, 14));
        out += " Interviews are expected to take place in the week of " + plain_date(interview) + ".";
      }
    } else {
      out += "Applications are reviewed as they arrive.";
    }
    out += '\n';
    return out;
  }

  static std::int64_t content_day(const Day& d) {
    using namespace std::chrono;
    return sys_days{d.ymd}.time_since_epoch().count() * std::int64_t{86400};
  }

  JobInput next() {
    JobInput in;
    ++count;
    const auto& texts = category_texts();
    const CategoryText& c = texts[rng.below(texts.size())];
    const Role& role = c.roles[rng.below(c.roles.size())];
    const Employer& e = kEmployers[rng.below(std::size(kEmployers))];
    int band = role.band;
    in.title = std::string(role.title);
    if (role.graded) {
      const int g = rng.below(100);
      if (g < 22) {
        in.title = "Senior " + in.title;
        band = std::min(band + 1, 6);
      } else if (g < 30) {
        in.title = "Principal " + in.title;
        band = std::min(band + 2, 6);
      }
    }
    in.category = std::string(c.slug);
    in.employer = std::string(e.name);
    std::size_t towns = 0;
    while (towns < 3 && !e.towns[towns].empty()) ++towns;
    in.location = std::string(e.towns[rng.below(towns)]);
    in.region = std::string(kRegions[e.region]);

    const int ct = rng.below(100);
    in.contract = ct < 78 ? "Permanent" : ct < 88 ? "Fixed term" : ct < 94 ? "Temporary" : ct < 97 ? "Secondment" : "Interim";
    if (band >= 6 && ct >= 88 && rng.chance(60)) in.contract = "Interim";
    if (band < 3 && in.contract == "Interim") in.contract = "Temporary";  // interims are managers and specialists
    if (in.contract == "Fixed term" && rng.chance(50)) in.contract = "Fixed term (" + std::to_string(rng.range(6, 24)) + " months)";
    const int hr = rng.below(100);
    in.hours = hr < 80 || band >= 6 ? "Full time" : hr < 95 ? "Part time" : "Flexible";
    if (rng.chance(20)) in.hours = in.hours == "Full time" ? "Full-time" : in.hours == "Part time" ? "Part-time" : in.hours;

    in.salary_text = salary(band, in, e.region == kLon);
    in.posted_at = posted_at();
    const Day closes = day_of(in.posted_at + 86400 * std::int64_t{rng.range(14, 42)});
    const int cl = rng.below(100);
    const bool closing_line = cl < 85;
    if (!closing_line && cl < 95) in.closing_date = iso(closes);  // given as a field, as feeds do
    in.description_markdown = description(in, e, c, closes, closing_line);
    in.featured = rng.chance(2);
    in.reference = "demo-" + std::to_string(count);
    char ref[32];
    std::snprintf(ref, sizeof ref, "%c%c%05u", e.name[0], c.slug[0] - 32, static_cast<unsigned>(rng.below(100000)));
    in.employer_reference = ref;
    in.source = "demo";
    return in;
  }
};

DemoJobGenerator::DemoJobGenerator(std::uint64_t seed, std::int64_t newest)
    : impl_(std::make_unique<Impl>(seed, newest)) {}
DemoJobGenerator::~DemoJobGenerator() = default;
DemoJobGenerator::DemoJobGenerator(DemoJobGenerator&&) noexcept = default;
DemoJobGenerator& DemoJobGenerator::operator=(DemoJobGenerator&&) noexcept = default;

JobInput DemoJobGenerator::next() { return impl_->next(); }

}  // namespace gazette::demo
