# target: internal/handler/msg_update.go
# FerretDB 1.24 runs the statements of one update command (a bulkWrite's updateOne/replaceOne batch) in a loop whose
# query iterators are closed by a `defer` inside the loop, so only when the whole command returns. Each open iterator
# holds a storage connection (a single-document update stops reading after its match): once a command had more
# statements than the pool has connections, the next statement waited for a connection forever. A bulkWrite of 100
# upserts by `_id` hung on SQLite (measured by bench/backends.ts) and would on PostgreSQL past its 50 connections.
# Each statement's iterator is now closed as soon as its update is done.
s|^		defer closer.Close()$|		// closed after this statement (patched in by deploy/local/ferretdb)|
s|^		result, err := common.UpdateDocument(ctx, c, "update", iter, \&u)$|&\n		closer.Close()|
