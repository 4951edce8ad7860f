# target: internal/backends/postgresql/query.go
# FerretDB 1.24's PostgreSQL backend pushes no range filter down ($gt/$lt are left to the handler), so a cursor page
# `{_id: {$gt: cursor}}` read the whole table. For a string `_id` bound it now also sends `_jsonb->'_id' > $n` (and
# >=, <, <=), answered from the unique `_id` index. PostgreSQL may return more than MongoDB would match (jsonb orders
# numbers, booleans and objects above strings), never less, provided strings compare byte-wise: deploy/local creates
# the cluster with `--locale=C`. The handler filters every document again with MongoDB's rules, so the answer is
# exact either way.
s|^					// \$gt and \$lt$|					if op, ok := map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[k]; ok \&\& rootKey == "_id" {\n						if s, isString := v.(string); isString {\n							filters = append(filters, metadata.IDColumn+" "+op+" "+p.Next())\n							args = append(args, string(must.NotFail(sjson.MarshalSingleValue(s))))\n						}\n					}\n\n&|
