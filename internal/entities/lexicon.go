package entities

import "strings"

// Word lists of general English used by the rules. They are data, not
// knowledge of any particular story: titles and roles, verbs of saying,
// function words, calendar words, and a list of common English words that
// are unlikely to be a person's surname when written with a capital.

// titleWords are the heads of a role phrase: the word that says what the
// person is ("Foreign Minister", "NATO chief", "spokesperson").
const titleWords = `
president presidents vice-president president-elect minister ministers
minister-president secretary secretaries secretary-general undersecretary
under-secretary chancellor chancellors ambassador ambassadors envoy envoys
aide aides spokesperson spokespeople spokesman spokeswoman spokesmen
spokeswomen chief chiefs boss bosses leader leaders head heads director
directors director-general chairman chairwoman chairperson chair ceo cfo coo
founder co-founder cofounder founders co-founders commander commanders
commander-in-chief general generals admiral governor governors mayor mayors
senator senators congressman congresswoman representative representatives
lawmaker lawmakers legislator mp mps mep meps adviser advisers advisor
advisors negotiator negotiators diplomat diplomats premier pm fm king queen
prince princess emir sultan sheikh pope cardinal archbishop bishop patriarch
rabbi imam ayatollah cleric judge judges justice prosecutor prosecutors
attorney attorney-general lawyer lawyers analyst analysts expert experts
professor economist economists researcher researchers scientist scientists
correspondent correspondents reporter reporters journalist journalists writer
writers editor editors photographer photographers columnist anchor captain
colonel lieutenant sergeant marshal field-marshal commissioner commissioners
speaker whip counterpart counterparts coach manager executive executives
officer officers delegate delegates candidate nominee activist campaigner
administrator inspector superintendent dean rector taoiseach monarch
official officials strategist pollster historian author novelist
economist physician doctor surgeon commentator presenter host
fellow lecturer chairman
striker strikers midfielder goalkeeper defender winger footballer cricketer
athlete sprinter boxer golfer cyclist swimmer actor actress rapper musician
guitarist filmmaker playwright poet entrepreneur investor billionaire tycoon
magnate businessman businesswoman engineer teacher pensioner shopkeeper
`

// honorifics confirm a person but are not kept as a role.
const honorifics = `mr mrs ms miss dr sir dame lord lady madam mme m herr`

// roleModifiers may stand in a role phrase before its head ("Deputy Foreign
// Minister", "former culture minister", "department spokesperson").
const roleModifiers = `
foreign external deputy vice prime first second defense defence interior home finance
economy economic economics trade health education justice energy culture
cultural agriculture transport transportation environment environmental
labour labor digital security national state special senior junior acting
former ex interim outgoing incoming chief general executive managing top
supreme principal assistant associate press communications presidential
royal crown military army navy naval air force police intelligence
opposition party government department ministry cabinet parliamentary
permanent high lead regional local federal
international treasury emergency humanitarian development migration
industry infrastructure climate science technology tourism sports youth
commerce budget social affairs relations strategic policy campaign
white house union european commission council alliance office agency bank
organisation organization parliament tax finance legal public political
communication media news wire photo staff investigative defence-policy
nuclear arms energy-policy sanctions peace oil petroleum mining mines water fisheries
`

// sayVerbs introduce or close a quotation or report speech.
const sayVerbs = `
said says say saying told tells tell telling added adds adding noted notes
noting stressed stresses stressing insisted insists insisting warned warns
warning explained explains explaining wrote writes writing asked asks
replied replies replying responded responds responding declared declares
declaring argued argues arguing announced announces announcing claimed
claims claiming emphasized emphasised emphasizes emphasises emphasizing
emphasising underlined underlines underlining underscored underscores
underscoring urged urges urging acknowledged acknowledges admitted admits
conceded concedes confirmed confirms denied denies cautioned cautions
predicted predicts suggested suggests agreed agrees concluded concludes
continued continues recalled recalls remarked remarks commented comments
observed observes tweeted tweets posted reported reports pledged pledges
promised promises vowed vows maintained maintains countered counters
complained complains lamented laments boasted boasts joked jokes quipped
quips mused muses shouted shouts pleaded pleads demanded demands wondered
wonders testified testifies stated states highlighted highlights answered
answers contended contends asserted asserts cautioned reiterated reiterates
spoke speaks announced predicted affirmed affirms acknowledged recounted
recounts explained wrote
`

// stopWords are function words, pronouns and sentence adverbs: never part
// of a name even when written with a capital.
const stopWords = `
a an the this that these those it its it's he she they we i you him her
them our their his my your me mine who whom whose which what when where why
how while whilst despite although though because since after before during
until unless if whether as at by for from in into of off on onto out over
under up down with within without about above across against along amid
amidst among amongst around behind below beneath beside besides between
beyond but and or nor so yet also then than there here now today tonight
yesterday tomorrow still even only just meanwhile however moreover
furthermore further instead indeed perhaps maybe already again once later
earlier soon first second third finally last next previously recently
currently especially particularly notably obviously clearly certainly
apparently reportedly officially separately together all any both each every
few many more most much other others some such no not none nothing nobody
everyone everybody someone somebody anyone anybody everything something
anything several one two three four five six seven eight nine ten asked
according following speaking including like unlike per via toward towards
upon through throughout do does did is are was were be been being have has
had can could should would might must shall let yes oh well please thanks
thank dear hello source sources by photo photos image images video read
related advertisement subscribe share click note update updated published
posted menu home contact copyright editor's see watch listen more top
latest breaking exclusive analysis opinion comment live explainer factbox
where's what's here's there's that's who's let's don't doesn't didn't isn't
aren't wasn't weren't can't won't wouldn't shouldn't couldn't never always
often sometimes usually ever very too quite rather almost nearly roughly
about around approximately mostly largely partly mainly overall altogether
otherwise thus hence therefore accordingly nevertheless nonetheless else
again anyway besides likewise similarly conversely additionally
initially ultimately eventually immediately subsequently shortly lately
hopefully unfortunately fortunately interestingly importantly crucially
critically significantly surprisingly ironically sadly happily frankly
honestly seriously basically essentially generally typically traditionally
historically officially publicly privately personally anyway
officials police critics analysts experts observers residents witnesses
people authorities diplomats leaders lawmakers protesters investigators
prosecutors officers soldiers troops forces reports others many most
staff government governments management everyone nobody somebody
`

// nonPersons are names of outlets, platforms, companies and things often
// written alone with a capital: never a person.
const nonPersons = `
reuters bloomberg politico axios telegram twitter facebook instagram youtube tiktok whatsapp
google apple microsoft amazon meta tesla spacex starlink boeing airbus lockheed raytheon
rheinmetall netflix nvidia openai huawei samsung toyota volkswagen siemens exxon chevron
aramco xinhua interfax tass ukrinform anadolu yonhap kyodo jazeera newsweek kommersant
izvestia pravda haaretz guardian brexit covid covid-19 internet euro euros eurovision olympics
bitcoin patriot himars abrams leopard storm shadow taurus javelin stinger kalibr iskander
oreshnik kinzhal shahed lancet bayraktar nord stream gulf
operation project camp lake mount fort port cape hurricane storm typhoon cyclone flight article
chapter section room hall terminal gate station route highway
`

// particles join the parts of a person's name.
const particles = `al el bin ibn bint abu de da do dos das di del della van von der den ter le la du st`

// placePrepositions before a capitalised word suggest a place, not a person.
const placePrepositions = `in at near outside inside across around into throughout within towards toward`

// placeNouns after a capitalised sequence say it names a place or a thing.
const placeNouns = `
region regions province provinces city cities town towns village villages
river rivers sea seas mountains mountain district districts street streets
airport airports border borders pipeline pipelines plant plants oblast
county state's peninsula island islands bay gulf valley desert lake port
ports square avenue road bridge dam base bases camp camps front area areas
summit talks meeting format process plan deal agreement accord accords
treaty doctrine strategy initiative corridor line missile missiles system
systems fighter fighters jets tank tanks drone drones
`

// calendarWords are months and weekdays.
const calendarWords = `
january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
sat sun christmas easter ramadan eid hanukkah diwali
`

// orgHeads end (or, with "of", begin) the name of an institution.
const orgHeads = `
ministry ministries department departments council councils commission
commissions agency agencies bank banks parliament parliaments party parties
alliance alliances organisation organisations organization organizations
union unions coalition coalitions committee committees court courts assembly
assemblies fund funds institute institutes foundation foundations federation
association associations league leagues authority authorities board bureau
secretariat tribunal front movement cabinet corporation corp company
companies group network service services forces army navy guard guards
police university college academy centre center office directorate command
congress senate duma rada knesset bundestag majlis treasury bloc confederation
`

// partyHeads may end a body's name in lower case after capitalised words
// ("the Liberal Democratic party", "the Komeito party"): the writer's
// style, not a description.
const partyHeads = `party union alliance coalition movement front federation confederation league bloc`

// politicalWords are capitalised adjectives that name a political current:
// with a party head they are a party's name ("the Democratic party"), where
// an adjective of place is not ("a European party").
const politicalWords = `
liberal liberals democratic democrat democrats conservative conservatives labour labor
socialist socialists communist communists green greens republican republicans social
christian progressive progressives national nationalist popular radical reform
constitutional people's peoples workers unionist unionists independent independence
`

// orgNouns are the lower-case nouns that describe a body; a proper name
// written right after one ("the bloc Mercosur", "the farmers' union FNSEA")
// or defined by one ("Mercosur is a customs union") names an organisation.
const orgNouns = `
bloc union party alliance coalition group company firm bank lender insurer
regulator watchdog agency broadcaster network newspaper daily channel
carrier airline operator conglomerate giant maker carmaker automaker
chipmaker drugmaker retailer supermarket miner producer manufacturer
startup start-up federation confederation association organisation
organization movement militia league exchange exporter brewer utility
platform consultancy institute foundation charity ngo think-tank tank
council body club broker bourse telecoms telecom outlet tabloid magazine
station
`

// mediaNouns describe outlets: the name after one is an actor only when it
// acts ("the broadcaster NHK projects…"), not as a channel ("told the
// broadcaster X").
const mediaNouns = `broadcaster network newspaper daily channel outlet tabloid magazine station`

// actVerbs are what a body does as the subject of a report, besides the
// verbs of saying: "NHK projects", "LSEG data showed", "the agency cut".
const actVerbs = `
show shows showed project projects projected estimate estimates estimated
forecast forecasts found finds calculated calculates published publishes cut
cuts raised raises lowered lowers downgraded downgrades upgraded upgrades
expects expected rated rates ruled rules sued fined fines approved approves
`

// reportNouns may stand between a body and its verb: "LSEG data showed".
const reportNouns = `data figures statistics estimates poll polls survey analysis report
statement research calculations records filings numbers projections forecasts`

// foundingVerbs after a name say that it is a person acting on a body,
// not the body's name: "the company Musk founded".
const foundingVerbs = `founded co-founded leads led runs ran owns owned heads headed chairs chaired
joined left built created started set quit`

// selfNamedHeads name one institution when written alone with a capital
// and no fuller name of it in the text: "the Treasury", "the Senate".
const selfNamedHeads = `treasury senate parliament`

// lowerOrgHeads may head a named body in lower case after a country's
// possessive ("Kenya's foreign ministry"). "government" is not one: "the
// Kenyan government" and "Kenya's government" are descriptions, not
// organisations (CONVENTIONS.md).
const lowerOrgHeads = `ministry department parliament army navy military police`

// companyWords end a company's name and are never a person's surname:
// "Fitch Ratings", "Halden Energy", "Acme Holdings", "Nordic Logistics".
const companyWords = `
ratings energy holdings holding group capital partners motors airlines airways
bank logistics pharma pharmaceuticals media foods mining minerals metals
resources telecom telecoms systems technologies industries insurance
securities steel oil gas power petroleum investments ventures shipping
chemicals electric electronics brands enterprises financial solutions
networks communications entertainment automotive aerospace semiconductor
semiconductors petrochemicals refining lithium platinum cement textiles
breweries beverages railways
`

// companyLeads begin a company's or bank's name in other languages: "Banco
// Atlántico", "Grupo Bimbo", "Banque de France".
const companyLeads = `banco banca banque bancă grupo groupe gruppo compagnie compañía companhia`

// nameDescriptors are the adjectives and nouns a sentence may open with
// before a name ("Rival Impala Platinum said", "Veteran lawmaker…",
// "Embattled chief executive…"): never the first word of the name.
const nameDescriptors = `
rival rivals veteran embattled beleaguered struggling troubled ailing retired
fellow longtime long-time outspoken controversial influential powerful
wealthy elderly legendary celebrated acclaimed renowned famed prominent
leading top star superstar incumbent defiant jailed detained exiled ousted
disgraced sacked fired suspended newly-elected re-elected state-owned
state-run privately-held listed loss-making cash-strapped debt-laden
indebted family-owned
`

// orgAcronyms are well-known international bodies written in capitals.
const orgAcronyms = `
NATO EU UN WHO IMF OSCE OPEC ASEAN AU ECB FBI CIA NSA WTO OECD UNESCO UNICEF
UNHCR UNRWA IAEA ICC ICJ ICRC G7 G20 G8 BRICS NASA IOC FIFA UEFA SCO CSTO
EBRD AIIB ADB IDF IRGC SBU FSB GRU KGB MI5 MI6 DHS DOJ DOD EPA FDA CDC SEC FTC
FCC GCC ECOWAS SADC APEC OAS PLO PKK YPG SDF HTS ISIS ISIL FARC ANC PACE UNSC
UNGA ILO FAO WFP UNDP UNEP OHCHR MSF NGO AFRICOM CENTCOM EUCOM SHAPE ESA
IEA IPCC ECHR CJEU EIB ESM EFTA EEA NAFTA USMCA CPTPP RCEP
`

// mediaAcronyms are news agencies: actors only when they act in the story.
const mediaAcronyms = `AP AFP BBC CNN NPR PBS ABC CBS NBC UPI DPA EFE ANSA RIA TASS CNBC MSNBC NHK KBS RTE ARD ZDF`

// nonOrgAcronyms are capitalised abbreviations that name no actor.
const nonOrgAcronyms = `
GDP GNP FM PM CEO CFO COO CTO DC TV AI USD EUR GBP COVID NGO OK UTC GMT AM
CPI PMI PPI GDPR ESG EV EVS SME SMES IMO FX OTC ETF ETFS YOY QOQ CAGR EBITDA JPY CNY CHF INR
ID IT PR HQ VIP MP MPS MEP ETA IPO ICBM UAV UAVs LNG GPS PDF FAQ
BST CET EST PST EDT PDT NB PS RSVP ASAP DIY FYI AKA VAT ROI KPI SUV
BREAKING UPDATE LIVE WATCH VIDEO PHOTOS EXCLUSIVE NEWS
`

// fixedOrgs are institutions usually named without an organisation head.
// Each line: canonical name | variants separated by ';'.
const fixedOrgs = `
Kremlin|the Kremlin
Pentagon|the Pentagon
White House|the White House
European Union|EU
United Nations|UN;U.N.
Security Council|UN Security Council;U.N. Security Council;United Nations Security Council
Congress|U.S. Congress;US Congress
Hamas
Hezbollah|Hizbollah
Taliban|the Taliban
Houthis|the Houthis;Houthi movement
Wagner Group|Wagner
Islamic State|ISIS;ISIL
Elysee|Élysée;the Élysée;Elysee Palace;Élysée Palace
Downing Street
Amnesty International
Human Rights Watch
Red Cross|International Committee of the Red Cross;ICRC
Interpol
Europol
Frontex
Gazprom
Rosneft
Rosatom
Naftogaz
OPEC
World Bank
World Health Organization|WHO;World Health Organisation
International Monetary Fund|IMF
European Commission
European Parliament
European Council
Council of Europe
Bundestag
Knesset
Duma|State Duma
Verkhovna Rada|Rada
House of Commons
House of Lords
House of Representatives
National Assembly
`

// commonWords are frequent English words. A capitalised sequence made of
// them ("Top Stories", "Evening Edition") is not a person's name unless the
// text says so (a title before it, a verb of saying after it).
const commonWords = `
ability able about above accept access account act action active activity actual add address admin advance
advantage advice affair affect afraid after again against age agency agenda agent ago agree ahead aid aim air
alert alive allow ally alone along already alternative amount analysis ancient angle anger animal annual
another answer anxiety appeal appear apply approach approval area argue arm army arrival art article artist
aspect assault asset attack attempt attend attention audience author authority available average avoid award
aware away back background bad balance ball ban band bank bar base basis battle beach bear beat beautiful
become bed begin behavior behaviour belief believe bell belt benefit best bet better big bill billion bird bit
black blame blind block blood blow blue board boat body bold bomb bond bone book boom boost border born borrow
boss bottom box boy brain branch brand brave bread break breakthrough brief bright bring broad broken brother
brown budget build building bulk burden burn bus business busy buy cabinet call calm camera camp campaign cancel
cancer candidate capacity capital captain car card care career careful carry case cash cast catch cause caution
ceasefire cell center centre central century certain chain chair challenge champion chance change channel
chapter character charge chart cheap check chief child choice choose church circle citizen city civil claim
class classic clean clear climate climb clock close cloud club coach coal coast code cold collapse collect
college color colour column combat come comfort command comment commerce commit common community company
compare complete concern condition conference confidence conflict congress connect consider constant
contact contain content contest context continue contract control cook cool copy core corner cost council
count counter country couple courage course court cover crack craft crash create credit crew crime crisis
critic cross crowd crown crucial cry culture cup current custom cut cycle daily damage dance danger dark
data date daughter day dead deal dear death debate debt decade decide decision deck declare deep defeat
defence defense degree delay deliver demand deny depend deputy describe design desk detail develop
device dialogue die diet difference difficult digital dinner direct direction director dirty discover
discuss disease dispute distance district divide doctor document dog dollar domestic door double doubt
down draft drag drama draw dream dress drink drive drop drug dry due duty early earn earth east easy
eat economy edge edition editor education effect effort election electric element elite emergency empire
employ empty end enemy energy engine enjoy enough enter entire entry environment equal era error escape
essential estate even evening event ever every evidence exact example exchange exclusive executive exercise
exist exit expand expect expense experience expert explain explore export express extend extra eye face
fact factor fail fair faith fall false family famous fan far farm fast fat father fault fear feature fee
feed feel fellow few field fight figure file fill film final finance find fine finger finish fire firm
first fish fit fix flag flat fleet flight floor flow fly focus follow food foot force foreign forest
forever form formal former fortune forward found frame free freedom fresh friend front fruit fuel full fun
fund future gain game gap garden gas gate gather general gift girl give glass global goal god gold good
govern government grab grand grant great green ground group grow growth guard guess guest guide gun guy
habit hair half hall halt hand handle hang happen happy harbor harbour hard harm hat head health hear
heart heat heavy height hell help hero hide high highlight hill hint hire history hit hold hole holiday
home hope horse hospital host hot hotel hour house huge human hunt hurt idea ignore image impact import
inside instance insight interest internal international interview invest issue item job join joint
journey judge jump junior just justice keep key kick kid kill kind king kitchen knock know labor labour
lack lady land language large last late latest laugh launch law lawyer lay lead leader league leak
lean learn leave left leg legal lend less lesson let letter level liberal lie life lift light like limit
line link list listen little live load loan local lock long look loom lose loss lot loud love low loyal
luck lunch machine main major make male man manage map march mark market marriage mass master match
matter meal mean measure media medical meet meeting member memory mental mention menu mercy message
metal method middle might mild mile military milk million mind mine minor minute miss mission mistake
mix mobile model modern moment money monitor month mood moral morning mother motion mount mountain
mouth move movie much murder music must mutual name narrow nation native natural nature near neck need
net network never new news next nice night noble noise normal north note notice novel number nurse
object observe obtain occupy ocean offer office officer official oil old open operation opinion order
ordinary organ origin other outcome output outside over owe own pace pack page pain paint pair palace
panel paper parent park part partner party pass past patient pattern pause pay peace peak people
perfect perform period permit person phone photo pick picture piece pilot pitch place plain plan
planet plant plate play player plenty plot point police policy political poll pool poor pop popular
port pose position positive post pound power practice praise press pressure pretty previous price
pride primary prime prince principle print prior priority prison private prize problem process produce
product profit program programme progress project promise proof property proposal protect protest proud
prove provide public pull pulse punch purpose push quality quarter queen question quick quiet quote race
radio raid rain raise range rank rapid rate raw reach read ready real reason recall receive record
recover red reduce reform refuse region regular reject relation release relief rely remain remote
remove rent repair repeat replace report republic request rescue research reserve resist resolve
resource respect response rest result retire return reveal review revolution reward rich ride right
ring rise risk river road rock role roll room root rose rough round route row royal rule run rural rush
safe safety sale salt same sample save say scale scene scheme school science score screen sea search
season seat second secret section sector secure security see seek seize select sell senate senior
sense series serious serve service session set settle shadow shake shape share sharp shelter shift
ship shock shoot shop short shot shoulder show shut side sight sign signal silence silver simple
sing single sister site size skill skin sky sleep slow small smart smile smoke snap snow social society
soft soldier solid solution son song sort soul sound south space speak special speech speed spend
spirit split sport spot spread spring spy square staff stage stake stall stand standard star start
state statement station status stay steady steal step stick still stock stone stop store storm story
straight strange strategy street strength stress strike strong structure struggle student study
stuff style subject success sudden sugar suit summer summit sun supply support sure surface surge
surprise survey survive suspect sweet swing switch symbol system table tackle tail take talk tall
target task taste tax teach team tear tech technology term territory test text thank theater theatre
theme theory thing think threat throw ticket tide tie tight time tiny tip title today toll tone tool
top total touch tough tour town track trade tradition traffic train transfer trap travel treat tree
trend trial trick trip troop trouble truck true trust truth try turn twin type union unit unity upper
urban urge use usual valley value vast venue version veteran view village violence visit vital voice
vote wage wait walk wall want war warm warn wash waste watch water wave way weak wealth weapon wear
weather week weekend weight welcome west western wheel white whole wide wife wild will win wind window
wine winter wire wise wish witness woman wonder wood word work worker world worry worth wound write
wrong yard year yellow young youth zone
allied american advocate arctic atlantic broader budget buildup candid capitol comeback crackdown
critics defender delegation diplomacy diplomatic drill elusive envoy expectation fresh frontline
hardline hawk hearing hopeful inclusive informal insider lawmaker looks mainstream momentum monitor
nods offensive outlook overview pivotal preview proposed quick recap redefining roundup sanctions
scandal showdown snapshot spotlight stalemate standoff takeaway tensions timeline truce turmoil
ultimatum update upcoming uprising verdict warning wartime weekly what wrap rally
initiative agreement accord convention treaty doctrine programme operation dome prize conference
dialogue forum contest games declaration protocol resolution framework charter corridor award
festival grain iron steel shield arrow eagle falcon hawk dragon tiger lion bear wolf phoenix
airways airlines airline petroleum holdings motors telecom television radio channel times post
gazette herald tribune journal express mirror sun guardian observer chronicle courier
`

func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// inflect adds the regular inflections of each word of a base list, so that
// "meets", "hints", "remains" and "talks" count as common words too.
func inflect(base map[string]bool) map[string]bool {
	m := make(map[string]bool, len(base)*5)
	for w := range base {
		m[w] = true
		m[w+"s"] = true
		m[w+"es"] = true
		m[w+"ed"] = true
		m[w+"ing"] = true
		m[w+"er"] = true
		n := len(w)
		if n > 2 && w[n-1] == 'e' {
			m[w+"d"] = true
			m[w[:n-1]+"ing"] = true
			m[w+"r"] = true
		}
		if n > 2 && w[n-1] == 'y' {
			m[w[:n-1]+"ies"] = true
			m[w[:n-1]+"ied"] = true
		}
	}
	return m
}
