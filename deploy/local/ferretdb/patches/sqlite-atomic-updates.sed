# target: internal/handler/msg_update.go
# FerretDB 1.24 applies an update (also replaceOne, a conditional update and an upsert) as read, change in Go, write
# back, with nothing held in between: concurrent updates of one document lose all but one (200 concurrent `$set`s of
# distinct fields of one document kept 20), and two conditional updates on the same old value both succeed. MongoDB
# updates a document atomically, and the code relies on it (shared read-model cells written by several projector
# instances; the relay lease's compare-and-set). This holds a lock per collection from the read to the write, for
# update here and findAndModify (sqlite-atomic-find-and-modify.sed); other collections are not held up.
s|^	"context"$|	"context"\n	"sync"|
s|^	// TODO https://github.com/FerretDB/FerretDB/issues/2612$|	defer lockCollectionWrites(params.DB, params.Collection)()\n\n&|
$a\
\
// collectionWrites holds one mutex per "database.collection" (patched in by deploy/local/ferretdb).\
var collectionWrites sync.Map\
\
// lockCollectionWrites makes the read-modify-write of update and findAndModify atomic within one collection.\
func lockCollectionWrites(db, collection string) func() {\
	mu, _ := collectionWrites.LoadOrStore(db+"."+collection, new(sync.Mutex))\
	mu.(*sync.Mutex).Lock()\
\
	return mu.(*sync.Mutex).Unlock\
}
