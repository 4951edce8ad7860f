# target: internal/backends/postgresql/query.go
# FerretDB 1.24's PostgreSQL backend pushes an equality filter down as `_jsonb->$1 @> $2`: the field name is a
# parameter and `@>` is not a B-tree operator, so the unique index on `((_jsonb->'_id'))` is never used and every
# lookup by _id scans the whole table. For `_id` (never an array, so containment is equality) the lookup is written
# as the index is, `_jsonb->'_id' = $n`, which PostgreSQL answers from the index. Only filterEqual's string/ObjectId
# case (one tab deep; the `$ne` case of the same types is five tabs deep) is touched.
/^	case string, types.ObjectID, time.Time:$/,/^	case bool, int32:$/{
s|^		filter = fmt.Sprintf(sql, metadata.DefaultColumn, operator, p.Next(), p.Next())$|		if k == "_id" {\n			filter = metadata.IDColumn + " = " + p.Next()\n			args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))\n\n			break\n		}\n\n&|
}
