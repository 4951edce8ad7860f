# target: internal/backends/sqlite/collection.go
# expect: 			if ids := idsIn(v.(*types.Document)); len(ids) > 0 {
# expect: 	filterPushdown = whereClause != ""
# FerretDB 1.24's SQLite backend pushes down only a filter that is exactly `{_id: value}`, so `{_id: {$in: [...]}}`
# (the relay's and the projector's read of many keys in one query) scanned and decoded the whole table in Go (100
# keys at 10,000 documents: 800–900 ms). When every key is a string or an ObjectID, it is now sent as
# `_ferretdb_sjson->"_id" IN (?, …)`, the expression of the unique `_id` index (see sqlite-id-lookups-use-index.sed),
# so SQLite searches the index once per key. sjson writes an ObjectID as its hex string, so a string `_id` with the
# same hex also matches: never fewer documents than MongoDB would match, and the handler filters them again. Query
# and explain get the same clause; explain reports the filter as pushed down whenever it has one.
s|^			args = \[\]any{string(must.NotFail(sjson.MarshalSingleValue(v)))}$|&\
		case *types.Document:\
			if ids := idsIn(v.(*types.Document)); len(ids) > 0 {\
				whereClause = fmt.Sprintf(` WHERE %s IN (?%s)`, metadata.IDColumn, strings.Repeat(", ?", len(ids)-1))\
				args = ids\
			}|
s|^	orderByClause := prepareOrderByClause(params.Sort)$|	filterPushdown = whereClause != ""\
\
&|
$a\
\
// idsIn returns the keys of an `{$in: [...]}` condition on _id as the _id index holds them, or nil unless the\
// condition is `$in` alone and every key is a string or an ObjectID (patched in by deploy/local/ferretdb).\
func idsIn(condition *types.Document) []any {\
	if condition.Len() != 1 {\
		return nil\
	}\
\
	keys, _ := condition.Get("$in")\
	list, isArray := keys.(*types.Array)\
	if !isArray {\
		return nil\
	}\
\
	ids := make([]any, 0, list.Len())\
	for i := 0; i < list.Len(); i++ {\
		switch key := must.NotFail(list.Get(i)).(type) {\
		case string, types.ObjectID:\
			ids = append(ids, string(must.NotFail(sjson.MarshalSingleValue(key))))\
		default:\
			return nil\
		}\
	}\
\
	return ids\
}
