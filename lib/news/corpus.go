package news

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// DefaultSeed is the corpus seed Start uses when Options.Seed is 0.
const DefaultSeed = 2018

// DefaultWordHits is ExpectedHits(DefaultSeed, "war"): the hit count every correct downloader must
// report for the notebook's word on the default corpus (a test keeps it true).
const DefaultWordHits = 123

// Article is one article as /v1/articles lists it. Author and Description are nil where the
// service sends null.
type Article struct {
	Author      *string `json:"author"`
	Title       string  `json:"title"`
	Description *string `json:"description"`
	URL         string  `json:"url"`
	URLToImage  string  `json:"urlToImage"`
	PublishedAt string  `json:"publishedAt"`
}

// Corpus is the generated content of the service: the sources in the order /v1/sources lists them
// and the articles of each source by id.
type Corpus struct {
	Sources  []Source
	Articles map[string][]Article
}

// NewCorpus generates the corpus for a seed: 60 sources with 9 or 10 articles each (between 560
// and 590 in total), some with a null author or description. The same seed gives the same corpus.
func NewCorpus(seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	rows := sourceTable()
	c := &Corpus{Articles: make(map[string][]Article, len(rows))}

	// Between 20 and 50 sources have 10 articles, the others 9.
	tens := 20 + rng.IntN(31)
	order := rng.Perm(len(rows))
	count := make([]int, len(rows))
	for i, idx := range order {
		count[idx] = 9
		if i < tens {
			count[idx] = 10
		}
	}

	published := time.Date(2018, 3, 14, 18, 0, 0, 0, time.UTC)
	for i, row := range rows {
		src := Source{
			ID:          row.id,
			Name:        row.name,
			Description: fmt.Sprintf("The latest %s news from %s.", row.category, row.name),
			URL:         row.url,
			Category:    row.category,
			Language:    "en",
			Country:     row.country,
			URLsToLogos: Logos{
				Small:  "https://logos.local/" + row.id + "/small.png",
				Medium: "https://logos.local/" + row.id + "/medium.png",
				Large:  "https://logos.local/" + row.id + "/large.png",
			},
			SortBysAvailable: append([]string{"top"}, row.extraSortBys...),
		}
		c.Sources = append(c.Sources, src)
		for range count[i] {
			c.Articles[row.id] = append(c.Articles[row.id], newArticle(rng, src, published))
		}
	}
	return c
}

// newArticle makes up one article of src, published up to two days before the given time.
func newArticle(rng *rand.Rand, src Source, before time.Time) Article {
	pick := func(words []string) string { return words[rng.IntN(len(words))] }
	title := fmt.Sprintf("%s %s %s", pick(subjects()), pick(verbs()), pick(objects()))
	slug := strings.ToLower(strings.NewReplacer(" ", "-", ",", "", "'", "").Replace(title))
	a := Article{
		Title:       title,
		URL:         strings.TrimSuffix(src.URL, "/") + "/2018/03/" + slug,
		URLToImage:  "https://images.local/" + src.ID + "/" + slug + ".jpg",
		PublishedAt: before.Add(-time.Duration(rng.IntN(48*60)) * time.Minute).Format(time.RFC3339),
	}
	if rng.IntN(100) >= 15 {
		author := pick(firstNames()) + " " + pick(lastNames())
		a.Author = &author
	}
	if rng.IntN(100) >= 10 {
		descr := fmt.Sprintf("%s %s.", pick(openings()), pick(details()))
		a.Description = &descr
	}
	return a
}

// Hit reports whether the article mentions word: the word, in any case, is part of the title or
// the description (so "war" also matches "warns" and "award", as the course's `in` test did). A
// null description counts as empty.
func Hit(a Article, word string) bool {
	text := a.Title
	if a.Description != nil {
		text += " " + *a.Description
	}
	return strings.Contains(strings.ToLower(text), strings.ToLower(word))
}

// ExpectedHits is the number of articles of the corpus for seed that mention word (see Hit): the
// count a downloader must report when every request succeeds.
func ExpectedHits(seed uint64, word string) int {
	c := NewCorpus(seed)
	hits := 0
	for _, articles := range c.Articles {
		for _, a := range articles {
			if Hit(a, word) {
				hits++
			}
		}
	}
	return hits
}

// ArticleCount is the total number of articles in the corpus.
func (c *Corpus) ArticleCount() int {
	n := 0
	for _, articles := range c.Articles {
		n += len(articles)
	}
	return n
}

func subjects() []string {
	return []string{
		"Trump", "Senate", "The Prime Minister", "Markets", "Scientists", "Police", "Apple",
		"The Fed", "Europe", "China", "Tech giants", "Voters", "The Lakers", "Manchester United",
		"Doctors", "Farmers", "Startups", "Oil prices", "The UN", "Teachers", "Hackers", "NASA",
		"Hollywood", "Investors", "The White House", "Climate activists", "Russia", "Regulators",
	}
}

func verbs() []string {
	return []string{
		"warns of", "rejects", "backs", "faces", "wins", "plans", "delays", "celebrates",
		"questions", "targets", "announces", "fights", "hails", "ends", "weighs", "defends",
	}
}

func objects() []string {
	return []string{
		"new tariffs", "trade war", "record profits", "a cyber attack", "budget cuts", "the vote",
		"a system update", "stormy weather", "the final", "new rules", "rising prices",
		"a price battle", "data privacy laws", "the summit", "a comeback", "layoffs", "the prize",
		"a recall", "talks", "the merger", "a hardware upgrade", "the investigation",
	}
}

func openings() []string {
	return []string{
		"Officials said on Wednesday", "In a surprise move", "After weeks of talks",
		"According to a new report", "Critics say", "Analysts expect", "Sources confirm",
		"Supporters cheered", "Experts are divided", "The decision comes",
	}
}

func details() []string {
	return []string{
		"that the plan could change everything", "as the war of words escalates",
		"amid growing pressure from both sides", "ahead of next week's deadline",
		"despite doubts from economists", "after a long and bitter dispute",
		"while the markets wait for clarity", "in what many call a turning point",
		"as the industry watches closely", "with no end in sight",
		"following a record-breaking quarter", "just days before the election",
	}
}

func firstNames() []string {
	return []string{"Anna", "James", "Maria", "David", "Sarah", "Michael", "Emma", "Daniel", "Laura", "Chris", "Priya", "Tom"}
}

func lastNames() []string {
	return []string{"Smith", "Jones", "Garcia", "Brown", "Taylor", "Wilson", "Nguyen", "Patel", "Martin", "Clark", "Lee", "Walker"}
}
