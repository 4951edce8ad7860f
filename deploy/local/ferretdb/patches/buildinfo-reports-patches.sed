# target: internal/handler/msg_buildinfo.go
# expect: "ferretdbPatches", appliedPatchList(),
# buildInfo lists the patches of this directory the binary was built with (`ferretdbPatches`: their file names
# without `.sed`), so that a client relies on a patched behaviour only where it is there: libs/event-store reads many
# keys as one `{_id: {$in: [...]}}` only if `<storage>-id-in-uses-index` is listed, since unpatched FerretDB scans the
# table for it. deploy/local/lib.sh sets the list at link time from the patches it applied (`-X ...appliedPatches`),
# so it cannot drift from them; a binary built any other way reports an empty list.
s|^	"strconv"$|&\n	"strings"|
s|^			"ferretdbVersion", version.Get().Version,$|&\n			"ferretdbPatches", appliedPatchList(),|
$a\
\
// appliedPatches is set at link time by deploy/local/lib.sh: the deploy/local/ferretdb patches, comma-separated.\
var appliedPatches string\
\
// appliedPatchList is appliedPatches as buildInfo reports it.\
func appliedPatchList() *types.Array {\
	list := types.MakeArray(0)\
	for _, name := range strings.Split(appliedPatches, ",") {\
		if name != "" {\
			list.Append(name)\
		}\
	}\
\
	return list\
}
