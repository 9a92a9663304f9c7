package news

// Source is one news source as /v1/sources lists it.
type Source struct {
	ID               string   `json:"id"`
	Name             string   `json:"name"`
	Description      string   `json:"description"`
	URL              string   `json:"url"`
	Category         string   `json:"category"`
	Language         string   `json:"language"`
	Country          string   `json:"country"`
	URLsToLogos      Logos    `json:"urlsToLogos"`
	SortBysAvailable []string `json:"sortBysAvailable"`
}

// Logos holds the three logo sizes of a source.
type Logos struct {
	Small  string `json:"small"`
	Medium string `json:"medium"`
	Large  string `json:"large"`
}

// sourceRow is one line of the source table: id, name, home page, category, country and the
// sortBy values the source offers besides "top".
type sourceRow struct {
	id, name, url, category, country string
	extraSortBys                     []string
}

// sourceTable lists the 60 English sources, with the ids NewsAPI v1 used in 2018.
func sourceTable() []sourceRow {
	latest := []string{"latest"}
	popular := []string{"popular"}
	return []sourceRow{
		{"abc-news-au", "ABC News (AU)", "http://www.abc.net.au/news", "general", "au", nil},
		{"al-jazeera-english", "Al Jazeera English", "http://www.aljazeera.com", "general", "us", latest},
		{"ars-technica", "Ars Technica", "http://arstechnica.com", "technology", "us", latest},
		{"associated-press", "Associated Press", "https://apnews.com/", "general", "us", latest},
		{"bbc-news", "BBC News", "http://www.bbc.co.uk/news", "general", "gb", nil},
		{"bbc-sport", "BBC Sport", "http://www.bbc.co.uk/sport", "sport", "gb", nil},
		{"bloomberg", "Bloomberg", "http://www.bloomberg.com", "business", "us", nil},
		{"breitbart-news", "Breitbart News", "http://www.breitbart.com", "politics", "us", latest},
		{"business-insider", "Business Insider", "http://www.businessinsider.com", "business", "us", latest},
		{"business-insider-uk", "Business Insider (UK)", "http://uk.businessinsider.com", "business", "gb", latest},
		{"buzzfeed", "Buzzfeed", "https://www.buzzfeed.com", "entertainment", "us", latest},
		{"cnbc", "CNBC", "http://www.cnbc.com", "business", "us", nil},
		{"cnn", "CNN", "http://us.cnn.com", "general", "us", nil},
		{"daily-mail", "Daily Mail", "http://www.dailymail.co.uk/home/index.html", "entertainment", "gb", latest},
		{"engadget", "Engadget", "https://www.engadget.com", "technology", "us", latest},
		{"entertainment-weekly", "Entertainment Weekly", "http://www.ew.com", "entertainment", "us", nil},
		{"espn", "ESPN", "http://espn.go.com", "sport", "us", nil},
		{"espn-cric-info", "ESPN Cric Info", "http://www.espncricinfo.com/", "sport", "us", latest},
		{"financial-times", "Financial Times", "http://www.ft.com/home/uk", "business", "gb", latest},
		{"football-italia", "Football Italia", "http://www.football-italia.net", "sport", "it", latest},
		{"fortune", "Fortune", "http://fortune.com", "business", "us", latest},
		{"four-four-two", "FourFourTwo", "http://www.fourfourtwo.com/news", "sport", "gb", latest},
		{"fox-sports", "Fox Sports", "http://www.foxsports.com", "sport", "us", latest},
		{"google-news", "Google News", "https://news.google.com", "general", "us", nil},
		{"hacker-news", "Hacker News", "https://news.ycombinator.com", "technology", "us", nil},
		{"ign", "IGN", "http://www.ign.com", "gaming", "us", latest},
		{"independent", "Independent", "http://www.independent.co.uk", "general", "gb", nil},
		{"mashable", "Mashable", "http://mashable.com", "entertainment", "us", latest},
		{"metro", "Metro", "http://metro.co.uk", "general", "gb", latest},
		{"mirror", "Mirror", "http://www.mirror.co.uk/", "general", "gb", latest},
		{"mtv-news", "MTV News", "http://www.mtv.com/news", "music", "us", latest},
		{"mtv-news-uk", "MTV News (UK)", "http://www.mtv.co.uk/news", "music", "gb", latest},
		{"national-geographic", "National Geographic", "http://news.nationalgeographic.com", "science-and-nature", "us", nil},
		{"new-scientist", "New Scientist", "https://www.newscientist.com/section/news", "science-and-nature", "us", nil},
		{"newsweek", "Newsweek", "http://www.newsweek.com", "general", "us", latest},
		{"new-york-magazine", "New York Magazine", "http://nymag.com", "general", "us", latest},
		{"nfl-news", "NFL News", "http://www.nfl.com/news", "sport", "us", latest},
		{"polygon", "Polygon", "http://www.polygon.com", "gaming", "us", nil},
		{"recode", "Recode", "http://www.recode.net", "technology", "us", nil},
		{"reddit-r-all", "Reddit /r/all", "https://www.reddit.com/r/all", "general", "us", latest},
		{"reuters", "Reuters", "http://www.reuters.com", "general", "us", latest},
		{"talksport", "TalkSport", "http://talksport.com", "sport", "gb", latest},
		{"techcrunch", "TechCrunch", "https://techcrunch.com", "technology", "us", nil},
		{"techradar", "TechRadar", "http://www.techradar.com", "technology", "us", latest},
		{"the-economist", "The Economist", "http://www.economist.com", "business", "gb", latest},
		{"the-guardian-au", "The Guardian (AU)", "https://www.theguardian.com/au", "general", "au", nil},
		{"the-guardian-uk", "The Guardian (UK)", "https://www.theguardian.com/uk", "general", "gb", latest},
		{"the-hindu", "The Hindu", "http://www.thehindu.com", "general", "in", latest},
		{"the-huffington-post", "The Huffington Post", "http://www.huffingtonpost.com", "general", "us", nil},
		{"the-lad-bible", "The Lad Bible", "https://www.theladbible.com", "entertainment", "gb", latest},
		{"the-new-york-times", "The New York Times", "http://www.nytimes.com", "general", "us", popular},
		{"the-next-web", "The Next Web", "http://thenextweb.com", "technology", "us", latest},
		{"the-sport-bible", "The Sport Bible", "http://www.thesportbible.com", "sport", "gb", latest},
		{"the-telegraph", "The Telegraph", "http://www.telegraph.co.uk", "general", "gb", latest},
		{"the-times-of-india", "The Times of India", "http://timesofindia.indiatimes.com", "general", "in", latest},
		{"the-verge", "The Verge", "http://www.theverge.com", "technology", "us", latest},
		{"the-wall-street-journal", "The Wall Street Journal", "http://www.wsj.com", "business", "us", nil},
		{"the-washington-post", "The Washington Post", "https://www.washingtonpost.com", "general", "us", nil},
		{"time", "Time", "http://time.com", "general", "us", latest},
		{"usa-today", "USA Today", "http://www.usatoday.com/news", "general", "us", latest},
	}
}
