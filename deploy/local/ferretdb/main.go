// Command ferretdb runs FerretDB 1.24 on PostgreSQL or SQLite for local development and tests.
//
// It wraps the embeddable package instead of using `go install .../cmd/ferretdb`, whose binary
// panics at start because its version file is not part of the published module.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	sqliteURL := flag.String("sqlite-url", "", "SQLite directory URI (must end with /); selects the SQLite backend")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL connection URL; selects the PostgreSQL backend")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid -log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	handler, backend, where := "sqlite", "SQLite", *sqliteURL
	switch {
	case *postgresqlURL != "" && *sqliteURL != "":
		fmt.Fprintln(os.Stderr, "give -postgresql-url or -sqlite-url, not both")
		os.Exit(2)
	case *postgresqlURL != "":
		handler, backend, where = "postgresql", "PostgreSQL", *postgresqlURL
	case *sqliteURL == "":
		fmt.Fprintln(os.Stderr, "give -postgresql-url or -sqlite-url")
		os.Exit(2)
	}

	// FerretDB's own name for the choice; the patched buildInfo reports it (patches/buildinfo-reports-storage.sed).
	if err := os.Setenv("FERRETDB_HANDLER", handler); err != nil {
		logger.Error("cannot set FERRETDB_HANDLER", "error", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       handler,
		PostgreSQLURL: *postgresqlURL,
		SQLiteURL:     *sqliteURL,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Printed whatever the log level, so that the log always shows when and where it started.
	fmt.Fprintf(os.Stderr, "FerretDB 1.24 (%s) listening on %s, data in %s\n", backend, *listen, where)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		logger.Error("FerretDB stopped", "error", err)
		os.Exit(1)
	}
}
