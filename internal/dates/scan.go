package dates

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/lexicon"
)

// Token kinds.
const (
	kWord = iota + 1
	kNum
	kPunct
)

// token is one word, digit run or punctuation rune of the text.
type token struct {
	s, e  int    // byte offsets
	lex   uint32 // lexicon flags of a word
	val   int32  // lexicon value of a word; value of a digit run (-1 if too long)
	r     rune   // the rune of a punctuation token
	nd    uint8  // number of digits of a digit run
	kind  uint8
	sp    bool // whitespace (or the start of the text) before the token
	upper bool // a word whose first letter is upper case
}

// Lexicon flags.
const (
	fMonth     uint32 = 1 << iota // full month name; val = 1..12
	fMonAbbr                      // abbreviated month name; val = 1..12
	fWeekday                      // val = 0..6, Sunday = 0
	fNumWord                      // number word; val = its value
	fUnit                         // calendar unit; val = uDay..uDecade
	fRelDay                       // today, tomorrow...; val = offset in days
	fFuture                       // future-tense cue
	fPast                         // past-tense cue
	fWeakFut                      // present-tense verb that often announces a schedule
	fBound                        // bounding preposition kept in Expr.Text
	fPrep                         // positional preposition left out of Expr.Text
	fOrd                          // ordinal suffix st, nd, rd, th
	fQtyNoun                      // nouns that make a preceding number a quantity
	fDet                          // determiners and possessive pronouns
	fSuper                        // first, highest...: "the first talks in three years"
	fEventNoun                    // nouns a bare month may modify: summit, vote...
	fStop                         // function words trimmed from the ends of an Event
	fLead                         // words dropped from the start of an Event
	fTitle                        // titles that head a person's name: President, Minister...
	fTitleMod                     // words inside titles: Foreign, State, General...
	fToVerb                       // verbs that after "to" announce a plan
	fMonthCtx                     // words that make a following bare month safe
	fTimeZone                     // GMT, UTC...
	fNotPast                      // words in -ed that are not past-tense verbs
	fRangeSep                     // to, through, until, till, and
)

// Calendar units.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uDecade
	uWeekend
	uDayPart
)

type lexEntry struct {
	flags uint32
	val   int32
}

// lex is the lexicon, built once.
var lex = lexicon.New(buildLexicon())

func buildLexicon() map[string]lexEntry {
	m := make(map[string]lexEntry, 600)
	add := func(flags uint32, val int32, words ...string) {
		for _, w := range words {
			e := m[w]
			e.flags |= flags
			if flags&(fMonth|fMonAbbr|fWeekday|fNumWord|fUnit|fRelDay) != 0 {
				e.val = val
			}
			m[w] = e
		}
	}
	months := []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for i, w := range months {
		add(fMonth, int32(i+1), w)
	}
	abbr := [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"},
		{"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i, ws := range abbr {
		add(fMonAbbr, int32(i+1), ws...)
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, w := range days {
		add(fWeekday, int32(i), w)
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty"}
	for i, w := range nums {
		if i > 0 {
			add(fNumWord, int32(i), w)
		}
	}
	add(fNumWord, 30, "thirty")
	add(fNumWord, 40, "forty")
	add(fNumWord, 50, "fifty")
	add(fNumWord, 100, "hundred")
	add(fNumWord, 1, "a", "an")

	add(fUnit, uDay, "day", "days")
	add(fUnit, uWeek, "week", "weeks")
	add(fUnit, uMonth, "month", "months")
	add(fUnit, uYear, "year", "years")
	add(fUnit, uDecade, "decade", "decades")
	add(fUnit, uWeekend, "weekend", "weekends")
	add(fUnit, uDayPart, "morning", "afternoon", "evening", "night")

	add(fRelDay, 0, "today", "tonight")
	add(fRelDay, -1, "yesterday")
	add(fRelDay, 1, "tomorrow")

	add(fFuture, 0, "will", "shall", "would", "ll", "could", "might", "may", "should", "must",
		"scheduled", "schedule", "slated", "expected", "expects", "expect", "plans", "planned",
		"planning", "intends", "intend", "aims", "aim", "due", "set", "going", "heading",
		"upcoming", "forthcoming", "coming", "next", "tomorrow", "ahead", "hopes", "hope",
		"later", "soon", "await", "awaits", "awaiting", "prepares", "preparing", "vows",
		"promises")
	add(fPast, 0, "said", "says", "told", "met", "spoke", "went", "came", "took", "gave", "made",
		"held", "left", "began", "won", "lost", "saw", "became", "brought", "thought", "sent",
		"wrote", "ran", "stood", "fell", "rose", "struck", "found", "kept", "led", "paid",
		"sought", "fought", "meant", "got", "flew", "drew", "broke", "chose", "knew", "grew",
		"threw", "heard", "felt", "built", "spent", "bought", "caught", "taught", "was",
		"were", "had", "did", "ago", "yesterday", "earlier", "last", "previously", "already",
		"shot", "hit", "beat", "forgot", "froze", "hid", "lay", "sat", "sold", "swore",
		"tore", "woke", "wore", "won", "withdrew", "overturned", "undertook", "arose")
	// "says" is present tense but in news it reports what was said.
	add(fWeakFut, 0, "meets", "travels", "arrives", "begins", "starts", "opens", "hosts",
		"visits", "heads", "departs", "leaves", "returns", "resumes", "holds", "plays",
		"faces", "convenes", "gathers", "kicks", "launches", "attends", "closes", "ends",
		"votes", "decides", "rules", "releases", "runs", "lasts", "continues")
	add(fBound, 0, "by", "since", "until", "till", "through", "before", "after", "between",
		"throughout", "within")
	add(fPrep, 0, "on", "in", "at", "from", "during", "of", "for", "to", "into", "over",
		"around", "about", "circa")
	add(fOrd, 0, "st", "nd", "rd", "th")
	add(fQtyNoun, 0, "euros", "euro", "dollars", "dollar", "pounds", "pound", "yen", "yuan",
		"rubles", "roubles", "rupees", "francs", "pesos", "lira", "hryvnias",
		"percent", "per", "people", "troops", "soldiers", "votes", "seats", "members",
		"units", "tons", "tonnes", "barrels", "kilometres", "kilometers", "km", "miles",
		"metres", "meters", "feet", "points", "cases", "deaths", "jobs", "workers",
		"students", "children", "households", "homes", "acres", "hectares", "million",
		"billion", "trillion", "thousand", "bn", "m", "mn", "k", "mw", "gw", "kg",
		"pieces", "vehicles", "tanks", "missiles", "drones", "shells", "rounds", "cars",
		"ships", "aircraft", "planes", "residents", "refugees", "migrants", "patients",
		"employees", "voters", "delegates", "participants", "companies", "firms",
		"participants", "countries", "nations", "states", "hours", "minutes", "words",
		"pages", "times", "calories", "degrees", "bags", "copies", "items", "users")
	add(fDet, 0, "the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
		"her", "our", "my", "your", "whose", "each", "every", "any", "no")
	add(fSuper, 0, "first", "highest", "lowest", "biggest", "largest", "worst", "best",
		"strongest", "weakest", "fastest", "slowest", "longest", "shortest", "deadliest",
		"most", "least", "never", "record", "warmest", "hottest", "coldest", "sharpest",
		"steepest", "smallest", "greatest", "heaviest", "latest", "earliest", "only")
	add(fEventNoun, 0, "summit", "summits", "meeting", "meetings", "election", "elections",
		"vote", "talks", "session", "sessions", "deadline", "conference", "report",
		"visit", "gathering", "ministerial", "poll", "polls", "referendum", "budget",
		"ceasefire", "deal", "agreement", "accord", "agenda", "protests", "strike",
		"offensive", "attack", "attacks", "launch", "release", "elections", "round",
		"primary", "primaries", "debate", "hearing", "trial", "ruling", "decision",
		"congress", "convention", "forum", "cup", "final", "finals", "tournament",
		"match", "games", "race", "marathon", "festival", "issue", "edition", "figures",
		"data", "statement", "announcement", "plan", "plenary", "council", "review",
		"truce", "negotiations", "invasion", "floods", "storm", "quarter", "edition")
	add(fStop, 0, "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or",
		"but", "by", "from", "as", "that", "which", "who", "whom", "whose", "is", "are",
		"was", "were", "be", "been", "this", "its", "their", "his", "her", "than", "into",
		"about", "between", "during", "until", "since", "before", "after", "when", "where",
		"while", "so", "if", "also", "just", "even", "then", "there", "it", "has", "have",
		"had", "will", "would", "not", "over", "up", "out", "yet", "like", "both", "such",
		"including", "via", "per", "through", "within", "against", "among", "amid")
	add(fLead, 0, "and", "but", "or", "so", "while", "as", "then", "also", "whose", "which",
		"who", "that", "where", "when", "the", "a", "an", "even", "still", "meanwhile",
		"however", "instead", "though", "although", "because", "yet", "plus", "further",
		"moreover", "thus", "hence", "now", "again", "only", "just")
	add(fTitle, 0, "president", "minister", "secretary", "chancellor", "ambassador", "envoy",
		"senator", "sen", "governor", "gov", "mayor", "king", "queen", "prince", "princess",
		"pope", "director", "chairman", "chairwoman", "ceo", "commissioner", "leader", "coach",
		"captain", "manager", "premier", "judge", "justice", "rep", "representative", "gen",
		"mr", "mrs", "ms", "dr", "speaker", "adviser", "advisor", "admiral", "marshal",
		"commander", "sheikh", "emir", "sultan", "spokesperson", "spokesman", "spokeswoman",
		"congressman", "congresswoman", "lawmaker", "mp", "mep", "chief", "general", "lt",
		"col", "sgt", "prof", "professor", "counterpart", "officer", "head", "boss")
	add(fTitleMod, 0, "foreign", "state", "general", "prime", "deputy", "vice", "defense",
		"defence", "finance", "national", "security", "special", "high", "chief", "interior",
		"trade", "economy", "health", "home", "of", "the", "for", "affairs", "executive",
		"acting", "former", "first", "senior", "minority", "majority", "attorney", "lord",
		"secretary", "minister", "president", "director", "representative", "envoy")
	add(fToVerb, 0, "meet", "visit", "attend", "hold", "host", "travel", "join", "speak",
		"sign", "vote", "announce", "launch", "open", "begin", "start", "face", "play",
		"release", "publish", "decide", "discuss", "address", "participate", "return",
		"resume", "unveil", "present", "deliver", "hear", "rule", "testify", "receive",
		"welcome", "make", "give", "head", "fly", "leave", "arrive", "convene", "gather",
		"take", "confer", "talk", "sit", "appear", "stand", "run", "compete", "debate",
		"accompany", "tour", "reopen", "close", "end", "finish", "review", "consider")
	add(fMonthCtx, 0, "in", "this", "last", "next", "since", "until", "till", "by", "early",
		"mid", "late", "of", "through", "during", "from", "before", "after", "between",
		"throughout", "end", "beginning", "start", "until", "past", "coming", "for",
		"around", "to", "and", "or", "on")
	add(fTimeZone, 0, "gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "bst",
		"hrs", "hours", "h", "local", "msk", "et", "pt")
	add(fNotPast, 0, "need", "needed", "speed", "seed", "feed", "indeed", "hundred", "bed",
		"red", "shed", "breed", "greed", "weed", "deed", "creed", "proceed", "exceed",
		"succeed", "embed", "naked", "wicked", "sacred", "rugged", "ragged", "beloved",
		"kindred", "related", "based", "unprecedented", "expected", "scheduled",
		"planned", "proposed", "so-called", "called", "united", "limited", "advanced",
		"detailed", "armed", "concerned", "interested", "qualified", "talented",
		"balanced", "experienced", "sophisticated", "dedicated", "renewed", "heightened",
		"unified", "combined", "coordinated", "revised", "increased", "reduced",
		"alleged", "supposed", "speed", "tweed", "hatred", "hundred", "sled", "fled")
	m["fled"] = lexEntry{flags: m["fled"].flags&^fNotPast | fPast}
	add(fRangeSep, 0, "to", "through", "until", "till", "and", "thru")
	return m
}

// lookup returns the lexicon entry of a word, case-insensitively.
func lookup(w string) lexEntry { return lex.Lookup(w) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tokenizeInto splits s into tokens and appends them to toks, reusing
// its spare capacity.
func tokenizeInto(toks []token, s string) []token {
	toks = slices.Grow(toks, len(s)/4+8)
	sp := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case isDigit(c):
				j := i
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				t := token{s: i, e: j, kind: kNum, sp: sp, nd: uint8(min(j-i, 255)), val: -1}
				if j-i <= 9 {
					v := int32(0)
					for k := i; k < j; k++ {
						v = v*10 + int32(s[k]-'0')
					}
					t.val = v
				}
				toks = append(toks, t)
				i = j
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j, e := lex.Word(s, i)
				toks = append(toks, token{s: i, e: j, kind: kWord, sp: sp, upper: c <= 'Z', lex: e.flags, val: e.val})
				i = j
			default:
				toks = append(toks, token{s: i, e: i + 1, kind: kPunct, sp: sp, r: rune(c)})
				i++
			}
			sp = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			sp = true
			i += size
			continue
		case lexicon.IsLetter(r):
			j := lexicon.ScanWord(s, i)
			toks = append(toks, wordToken(s, i, j, sp))
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, sp: sp, r: r})
			i += size
		}
		sp = false
	}
	return toks
}

func wordToken(s string, i, j int, sp bool) token {
	upper := 'A' <= s[i] && s[i] <= 'Z'
	if s[i] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:])
		upper = unicode.IsUpper(r)
	}
	e := lookup(s[i:j])
	return token{s: i, e: j, kind: kWord, sp: sp, upper: upper, lex: e.flags, val: e.val}
}
