package sitegen

// The banks below are the raw material of every generated file. Prose is
// assembled from sentence templates whose {slots} are filled from the word
// lists, so that posts read like a social-business blog and no two
// paragraphs repeat.

// slots maps a slot name to the phrases it is filled with.
var slots = map[string][]string{
	"who": {
		"our care team", "the social team", "a community manager", "the agent on the night shift",
		"every brand", "the marketing department", "a frustrated customer", "our lead moderator",
		"whoever answers the phones", "every new hire", "the head of support", "a regular on the forum",
		"the legal team", "a volunteer moderator", "the product manager", "our newest agent",
		"a customer who has been with us for ten years", "the team lead", "the comms director", "a small charity",
	},
	"channel": {
		"Twitter", "LinkedIn", "the forum", "Facebook", "live chat", "email", "the help centre",
		"Instagram", "WhatsApp", "the phone line", "the company blog", "a Slack community", "the YouTube comments section",
		"a review site", "Messenger", "the newsletter",
	},
	"thing": {
		"a complaint", "a reply", "the escalation path", "a comment policy", "the weekly report",
		"a style guide", "the first response", "a public apology", "the handover note", "a saved reply",
		"the tone of voice", "a refund request", "the moderation queue", "a customer story", "the FAQ",
		"an outage notice", "the welcome message", "a thank-you note", "the survey results", "a badge",
	},
	"verb": {
		"answers", "reads", "shares", "ignores", "escalates", "rewrites", "measures", "tracks",
		"flags", "moderates", "celebrates", "questions", "forwards", "explains", "publishes", "archives",
	},
	"adj": {
		"honest", "slow", "public", "useful", "awkward", "personal", "careful", "quick", "generous",
		"boring", "clumsy", "thoughtful", "defensive", "friendly", "vague", "specific", "human", "scripted",
	},
	"metric": {
		"response time", "sentiment", "share of voice", "first contact resolution", "churn", "reach",
		"engagement rate", "net promoter score", "the backlog", "the reopen rate", "time to resolution",
		"the number of mentions", "customer effort", "follower growth", "click-through rate",
	},
	"time": {
		"in the first hour", "on a Friday afternoon", "during a product launch", "after a bad review",
		"over the holidays", "before the quarterly review", "at three in the morning", "in the middle of an outage",
		"on the day the price went up", "the week after a recall", "during the annual conference", "on a quiet Sunday",
	},
	"topic": {
		"social listening", "customer care", "community management", "crisis communication",
		"employee advocacy", "content strategy", "social selling", "brand voice", "online reviews",
		"comment moderation", "customer experience", "influencer programs", "internal communication",
		"personal branding", "social media policy", "live events", "customer feedback", "self-service",
	},
	"gerund": {
		"listening", "apologising", "saying no", "moderating", "measuring", "writing", "hiring",
		"escalating", "thanking people", "onboarding", "explaining", "asking for feedback", "waiting",
	},
	"org": {
		"a regional bank", "an airline", "a telecom company", "a hospital trust", "a software start-up",
		"a city council", "a furniture retailer", "a university library", "a games publisher",
		"an energy supplier", "a charity", "a hotel chain", "a grocery delivery service",
	},
	"feeling": {
		"relieved", "ignored", "heard", "annoyed", "surprised", "patronised", "grateful", "confused", "respected",
	},
}

// sentences are the templates of body prose.
var sentences = []string{
	"When {who} {verb} {thing} {time}, the customer notices.",
	"Nobody tracks {metric} because it is exciting; they track it because someone asked for a number.",
	"I once watched {who} turn {thing} into the best conversation of the month.",
	"The hard part of {topic} is not the tools but the habits around them.",
	"A {adj} answer on {channel} beats a perfect one that arrives tomorrow.",
	"If {who} cannot explain {metric} in one sentence, it is the wrong metric.",
	"People who write to us on {channel} expect a person, not a department.",
	"We learned more about {topic} from {org} than from any conference talk.",
	"Most of the time {thing} is {adj} because nobody owns it.",
	"The customer felt {feeling}, and that feeling travelled faster than any press release.",
	"It took {who} three tries to get {thing} right, and the third one was short.",
	"There is a difference between {gerund} and pretending to listen, and customers can tell.",
	"On {channel} every reply is public, so {who} writes for the audience as well as for the person.",
	"{metric} went the wrong way for two months before anyone asked why.",
	"Good {topic} starts with {gerund}, which sounds obvious until you try it {time}.",
	"The rule we settled on is simple: {who} {verb} {thing} before lunch, every day.",
	"A {adj} tone on {channel} made the customer feel {feeling} rather than processed.",
	"We stopped counting {metric} and started reading the conversations themselves.",
	"Ask {who} what {thing} is for, and you will get five different answers.",
	"The best {topic} programs I know were started by someone who was annoyed enough to fix things.",
	"{org} found that {metric} improved once agents were allowed to sign their own names.",
	"Nothing about {thing} needs a new platform; it needs an afternoon and a pen.",
	"Being {adj} in public is a choice, and it is usually the right one.",
	"Every time {who} {verb} {thing}, the rest of the team learns something about {topic}.",
	"The dashboard said {metric} was fine, while the forum said otherwise.",
	"We wrote the first draft of {thing} in a hurry {time}, and it shows.",
	"Customers do not read policies, but they do notice when {who} follows one.",
	"If you only remember one thing about {topic}, make it this: reply to the person, not the ticket.",
	"Somewhere between {gerund} and {gerund} there is a job description nobody has written yet.",
	"{channel} is where the complaint started, but it is rarely where it ends.",
	"I have seen {org} lose a customer over {thing} that took ten seconds to fix.",
	"Nobody on the team wanted to own {thing}, so {who} quietly took it on.",
	"The numbers matter less than the story {who} tells with them.",
	"Even a {adj} reply is better than silence on {channel}.",
	"It is tempting to automate {thing}, and it is usually a mistake.",
	"{who} reads every comment before it goes live, which is slower and much better.",
	"Trust is built in small, boring moments, like {who} answering {thing} {time}.",
	"The question is never whether to use {channel}, but what you promise there.",
	"Our rule of thumb: if {metric} improves and nobody feels {feeling}, check the data again.",
	"Once {who} saw the transcript, the case for {topic} made itself.",
}

// titles are the templates of post titles.
var titles = []string{
	"What {channel} taught us about {topic}",
	"Why {topic} is not a campaign",
	"The {adj} art of {gerund}",
	"{topic}: notes from {org}",
	"How we rebuilt {thing} in a week",
	"Stop measuring {metric}, start reading",
	"Ten lessons on {topic} from the night shift",
	"A field guide to {gerund} on {channel}",
	"The day {who} rewrote {thing}",
	"Is {channel} still worth it for {topic}?",
	"{gerund} in public: a case study",
	"What {metric} does not tell you",
	"Before you automate {thing}",
	"Making {topic} work for {org}",
	"Letters from the moderation queue",
	"On being {adj} with customers",
}

// headings are the templates of section headings.
var headings = []string{
	"What we tried first", "Why it matters", "The numbers", "What changed", "A note on {topic}",
	"Where {channel} fits", "{gerund}, properly", "What I would do differently", "The objections",
	"Who owns {thing}", "The {adj} version", "Lessons for {topic}", "Getting started", "The hard cases",
	"What {metric} hides", "Before and after",
}

// items are the templates of list items.
var items = []string{
	"Answer {thing} within the hour",
	"Read the whole thread before replying",
	"Sign every reply with a first name",
	"Track {metric}, but read the conversations too",
	"Write down who owns {thing}",
	"Thank people who take the time to complain",
	"Keep a list of {adj} phrases to avoid",
	"Move the conversation off {channel} only when the customer agrees",
	"Review the saved replies every quarter",
	"Share one customer story at every team meeting",
	"Let {who} approve the policy, not just legal",
	"Test {thing} on someone outside the team",
	"Publish the comment policy where people comment",
	"Say what happens next, and when",
}

// quotes are things people say, for block quotes.
var quotes = []string{
	"I do not need you to agree with me. I need to know that someone read it.",
	"The tools change every two years. The customers do not.",
	"If we would not say it on the phone, we should not post it on {channel}.",
	"Every saved reply started as somebody's best answer on a bad day.",
	"A policy nobody can find is not a policy, it is a secret.",
	"We measured {metric} for a year before we asked what it was for.",
	"The fastest way to calm a thread down is to answer the question that was asked.",
	"Community is what happens when people help each other without being asked.",
}

// linkTexts and linkHosts make inline links.
var (
	linkTexts = []string{
		"this study", "a post by a colleague", "the original thread", "our comment policy", "the research",
		"a good overview", "an older post", "the checklist", "the talk", "a longer write-up", "the guidelines",
	}
	linkHosts = []string{
		"https://en.wikipedia.org/wiki/", "https://www.linkedin.com/pulse/", "https://blog.example.org/",
		"https://hbr.org/", "https://www.nngroup.com/articles/", "https://medium.com/@socialcare/",
		"https://community.example.com/t/", "https://www.bbc.co.uk/news/",
	}
)

// inlineCode are short technical terms written as code.
var inlineCode = []string{
	"status: approved", "utm_source", "#CustomerService", "rel=nofollow", "canonical: self",
	"/comments", "first_response_time", "auto_approve = false", "@support", "sentiment_score",
}

// firstNames and lastNames make the names of authors and commenters.
var (
	firstNames = []string{
		"Ana", "Ben", "Chloe", "Daniel", "Elif", "Farid", "Grace", "Hannah", "Ines", "Jonas", "Kofi",
		"Lena", "Maren", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tom", "Uma", "Viktor",
		"Wen", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri", "Emeka", "Freya",
	}
	lastNames = []string{
		"Ruiz", "Okafor", "Holt", "Carvalho", "Reddaway", "Nakamura", "Schmidt", "Mensah", "Whitfield",
		"Kowalski", "Haddad", "Lindqvist", "Moreau", "Patel", "Novak", "Osei", "Tanaka", "Varga",
		"Brennan", "Costa", "Dubois", "Eriksen", "Fischer", "Gallagher",
	}
	roles = []string{
		"Head of Social Care", "Community Manager", "Director of Customer Experience", "Social Media Lead",
		"Content Strategist", "Support Team Lead", "Moderation Lead", "Marketing Manager",
		"Customer Insight Analyst", "Communications Director", "Digital Engagement Officer",
	}
	handles = []string{"TruthTeller99", "coffee_and_care", "jdoe_uk", "the_real_mo", "helpdesk_hero", "anon4321"}
)

// tagBank and categoryBank name the terms; more are made by combining
// them with tagQualifiers.
var (
	tagBank = []string{
		"Social listening", "Customer service", "Community", "Moderation", "Twitter", "LinkedIn",
		"Facebook", "Instagram", "Crisis communication", "Employee advocacy", "Content strategy",
		"Brand voice", "Reviews", "Customer experience", "Metrics", "Analytics", "Hiring", "Training",
		"Tone of voice", "Privacy", "Big data", "Trust", "Comment policy", "Live events", "Conferences",
		"Personal branding", "Influencers", "Self-service", "Chatbots", "Automation", "Escalation",
		"Apologies", "Feedback", "Surveys", "NPS", "Forums", "Volunteers", "Onboarding", "Remote work",
		"Leadership", "Storytelling", "Newsletters", "Video", "Accessibility", "Localisation", "Burnout",
		"Shift work", "Saved replies", "Help centre", "Product launches", "Outages", "Refunds",
		"Social selling", "B2B", "Nonprofits", "Public sector", "Retail", "Telecoms", "Airlines", "Banking",
	}
	tagQualifiers = []string{"strategy", "tools", "metrics", "teams", "basics", "research", "case studies", "policy", "history", "in practice"}
	categoryBank  = []string{
		"Customer Service", "Social Media", "Marketing", "Community", "Communications", "Leadership",
		"Analytics", "Careers", "Events", "Policy", "Technology", "Case Studies", "Opinion", "Research",
		"How-to", "News",
	}
)

// commentSentences are the templates of reader comments.
var commentSentences = []string{
	"Thank you for this.",
	"We tried something similar at {org} and {metric} improved within a month.",
	"I am not sure I agree about {channel}; for us it has been mostly noise.",
	"The part about {thing} struck a chord with our whole team.",
	"Would you write more about {topic}? I would love to read a follow-up.",
	"This is exactly what I needed before tomorrow's meeting about {topic}.",
	"{who} felt {feeling} the first time we tried this, but it got easier.",
	"Great post, but I think you underestimate how hard {gerund} is at scale.",
	"I shared this with {who} and it started a long and useful discussion.",
	"Do you have numbers on {metric} from before and after?",
}

// codeSnippets are fenced code blocks by language.
var codeSnippets = map[string][]string{
	"go": {
		"package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n// Reply is one answer to a customer.\ntype Reply struct {\n\tAgent string\n\tText  string\n\tSent  time.Time\n}\n\nfunc main() {\n\tr := Reply{Agent: \"Ana\", Text: \"Thanks for flagging this!\", Sent: time.Now()}\n\tfmt.Printf(\"%s replied at %s: %q\\n\", r.Agent, r.Sent.Format(time.Kitchen), r.Text)\n}",
		"func firstResponse(msgs []Message) (time.Duration, bool) {\n\tif len(msgs) < 2 {\n\t\treturn 0, false\n\t}\n\tfor _, m := range msgs[1:] {\n\t\tif m.FromAgent {\n\t\t\treturn m.At.Sub(msgs[0].At), true\n\t\t}\n\t}\n\treturn 0, false\n}",
		"type Queue struct {\n\tmu    sync.Mutex\n\titems []Ticket\n}\n\n// Push adds a ticket, most urgent first.\nfunc (q *Queue) Push(t Ticket) {\n\tq.mu.Lock()\n\tdefer q.mu.Unlock()\n\ti := sort.Search(len(q.items), func(i int) bool { return q.items[i].Priority < t.Priority })\n\tq.items = slices.Insert(q.items, i, t)\n}",
	},
	"python": {
		"import csv\nfrom collections import Counter\n\ndef top_tags(path, n=10):\n    \"\"\"Return the n most common tags in an export.\"\"\"\n    counts = Counter()\n    with open(path, newline=\"\") as f:\n        for row in csv.DictReader(f):\n            for tag in row[\"tags\"].split(\",\"):\n                counts[tag.strip().lower()] += 1\n    return counts.most_common(n)\n\nif __name__ == \"__main__\":\n    for tag, count in top_tags(\"mentions.csv\"):\n        print(f\"{tag:20} {count:5d}\")",
		"def sentiment_bucket(score: float) -> str:\n    if score < -0.5:\n        return \"angry\"\n    elif score < 0:\n        return \"unhappy\"\n    elif score < 0.5:\n        return \"neutral\"\n    return \"happy\"\n\nreplies = [r for r in load_replies() if r.agent is not None]\nprint(len(replies), \"replies by agents\")",
		"class Moderator:\n    def __init__(self, policy):\n        self.policy = policy\n        self.queue = []\n\n    def review(self, comment):\n        verdict = self.policy.check(comment)\n        if verdict.needs_human:\n            self.queue.append(comment)\n        return verdict",
	},
	"yaml": {
		"escalation:\n  first_line:\n    channels: [twitter, facebook, chat]\n    max_wait: 15m\n  second_line:\n    team: product-support\n    max_wait: 4h\n  on_call:\n    rota: https://wiki.example.org/rota\n    notify: [sms, email]",
		"comments:\n  enabled: true\n  auto_approve: false\n  policy:\n    max_links: 1\n    min_words: 12\n    blocked_words:\n      - casino*\n      - \"buy now\"",
		"name: weekly-report\non:\n  schedule:\n    - cron: \"0 7 * * MON\"\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make report",
	},
	"js": {
		"const replies = await fetch('/api/replies?since=' + encodeURIComponent(since))\n  .then((res) => res.json());\n\nfor (const reply of replies) {\n  if (reply.status === 'pending') {\n    queue.push({ id: reply.id, waiting: Date.now() - Date.parse(reply.date) });\n  }\n}\nconsole.log(`${queue.length} replies waiting`);",
		"export function formatHandle(name) {\n  // Handles are shown with an @ and never with spaces.\n  return '@' + name.trim().toLowerCase().replace(/\\s+/g, '_');\n}\n\ndocument.querySelectorAll('.mention').forEach((el) => {\n  el.textContent = formatHandle(el.dataset.name);\n});",
		"function debounce(fn, ms = 300) {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}\n\nsearch.addEventListener('input', debounce(updateResults));",
	},
}

// codeLanguages lists the keys of codeSnippets in a fixed order.
var codeLanguages = []string{"go", "python", "yaml", "js"}

// tableHeads are the header rows of tables.
var tableHeads = [][]string{
	{"Channel", "Median first response", "Share of contacts"},
	{"Quarter", "Mentions", "Replies", "Resolved"},
	{"Team", "Agents", "Shifts a week"},
}

// republishers are the sites posts first appeared on.
var republishers = []string{"LinkedIn", "Medium", "Harvard Business Review", "Social Media Today", "the company intranet"}

// republishNotes explain a republication.
var republishNotes = []string{"as part of their influencer program", "in a slightly shorter form", "as a guest post"}
