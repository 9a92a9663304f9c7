package news_test

import (
	"context"
	"fmt"
	"time"

	"github.com/gokernel/gokernel/lib/news"
)

func ExampleStart() {
	srv, err := news.Start(news.Options{Latency: 10 * time.Millisecond, Jitter: 5 * time.Millisecond})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	fmt.Println(len(srv.Corpus().Sources), "sources,", srv.Corpus().ArticleCount(), "articles")
	// Output: 60 sources, 580 articles
}

func ExampleDownloader_Sequential() {
	srv, err := news.Start(news.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	d := news.Downloader{URL: srv.URL(), Word: "war"}
	sum, err := d.Sequential(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Hits, "hits in", sum.Articles, "articles; documented:", news.DefaultWordHits)
	// Output: 123 hits in 580 articles; documented: 123
}

func ExampleDownloader_GoroutinePerRequest() {
	srv, err := news.Start(news.Options{Latency: 20 * time.Millisecond})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	requesting := 0
	d := news.Downloader{URL: srv.URL(), Progress: func(line string) {
		if len(line) > 11 && line[:11] == "requesting " {
			requesting++
		}
	}}
	sum, err := d.GoroutinePerRequest(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(requesting, "requests,", sum.Hits, "hits,", len(sum.Errors), "errors")
	// Output: 60 requests, 123 hits, 0 errors
}

func ExampleDownloader_WorkerPool() {
	srv, err := news.Start(news.Options{FailSources: []string{"cnn"}, FailRate: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	sum, err := news.Downloader{URL: srv.URL()}.WorkerPool(context.Background(), 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Sources, "sources")
	fmt.Println(sum.ErrorLines())
	// Output:
	// 59 sources
	// [cnn: 500 unexpectedError: Something went wrong on our side.]
}

func ExampleDownloader_WithDeadline() {
	srv, err := news.Start(news.Options{Latency: 300 * time.Millisecond})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	sum, err := news.Downloader{URL: srv.URL()}.WithDeadline(context.Background(), 30*time.Millisecond)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(sum.Errors), "requests cancelled:", sum.Errors["cnn"])
	// Output: 60 requests cancelled: context deadline exceeded
}

func ExampleDownloader_Sweep() {
	srv, err := news.Start(news.Options{Latency: 5 * time.Millisecond})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	points, err := news.Downloader{URL: srv.URL()}.Sweep(context.Background(), []int{1, 4, 16})
	for _, p := range points {
		fmt.Println(p.Workers, "workers:", p.Seconds > 0)
	}
	fmt.Println(err)
	// Output:
	// 1 workers: true
	// 4 workers: true
	// 16 workers: true
	// <nil>
}
