# target: internal/handler/msg_buildinfo.go
# buildInfo names the storage FerretDB runs on (`ferretdbStorage`: "postgresql" or "sqlite", from FERRETDB_HANDLER,
# which deploy/local/ferretdb/main.go sets), so that the read models declare their list indexes where the storage
# uses them (PostgreSQL, with postgresql-secondary-indexes-gin.sed) and skip them where it would only slow writes.
s|^	"strconv"$|	"os"\n&|
s|^			"ferretdbVersion", version.Get().Version,$|&\n			"ferretdbStorage", os.Getenv("FERRETDB_HANDLER"),|
