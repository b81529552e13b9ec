package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"briefgen/internal/build"
	"briefgen/internal/live"
	"briefgen/internal/server"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	src := fs.String("src", ".", "the site `folder`, holding content/ (and optionally templates/ and assets/)")
	addr := fs.String("addr", server.DefaultAddr, "the `address` to listen on; loopback unless you say otherwise")
	drafts := fs.Bool("drafts", false, "include briefs marked draft: true")
	open := fs.Bool("open", false, "open the site in the default browser")
	poll := fs.Bool("poll", false, "poll for changes instead of using file system events (network drives, WSL)")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefgen serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	loopback, err := server.CheckLoopback(*addr)
	if err != nil {
		fmt.Fprintln(stderr, "briefgen serve:", err)
		return exitUsage
	}
	if !loopback {
		fmt.Fprintf(stderr, "briefgen serve: warning: %s is reachable from other machines; drafts and unpublished briefs are visible there\n", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "briefgen serve:", err)
		return exitContent
	}
	url := "http://" + ln.Addr().String() + "/"
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	b := build.New(build.Options{Src: *src, Drafts: *drafts, BaseURL: url, Dev: true, Logger: logger})
	srv := server.New(server.WithLogger(logger))
	sink := live.NewServerSink(srv)
	if res, err := b.Build(); err != nil {
		printBuildError(stderr, err)
		sink.Failed(live.ProblemOf(err))
	} else {
		_ = sink.Built(res)
		fmt.Fprintln(stdout, summary(res, "memory"))
	}
	fmt.Fprintf(stdout, "briefgen: serving %s at %s\n", *src, url)
	if *open {
		openBrowser(url, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		if err := live.Run(ctx, b, sink, live.Options{Src: *src, Poll: *poll, Out: stdout, Logger: logger}); err != nil {
			fmt.Fprintln(stderr, "briefgen serve: watching stopped:", err)
		}
	}()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "briefgen serve:", err)
		return exitContent
	}
	return exitOK
}

// watchAndBuild is build --watch: rebuild into out on every change.
func watchAndBuild(b *build.Builder, src, out string, poll bool, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if err := live.Run(ctx, b, live.DirSink(out), live.Options{Src: src, Poll: poll, Out: stdout, Logger: logger}); err != nil {
		fmt.Fprintln(stderr, "briefgen build:", err)
		return exitContent
	}
	return exitOK
}

func openBrowser(url string, stderr io.Writer) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "explorer"
	}
	if err := exec.Command(name, url).Start(); err != nil {
		fmt.Fprintf(stderr, "briefgen serve: could not open a browser (%v); open %s yourself\n", err, url)
	}
}
