# target: internal/backends/postgresql/query.go
# expect: 							filters = append(filters, metadata.IDColumn+" = ANY("+p.Next()+")")
# FerretDB 1.24's PostgreSQL backend pushes no `$in` down, so `{_id: {$in: [...]}}` (the relay's and the projector's
# read of many keys in one query) read the whole table. When every key is a string or an ObjectID it now also sends
# `_jsonb->'_id' = ANY($n)`, one jsonb[] parameter (one prepared statement whatever the number of keys), answered
# from the unique `_id` index. sjson writes an ObjectID as its hex string, so a string `_id` with the same hex also
# matches: PostgreSQL may return more than MongoDB would, never less, and the handler filters every document again
# with MongoDB's rules. A list with any other kind of key, or an empty one, is not pushed down (read whole, as before).
s|^				case "\$ne":$|				case "$in":\
					if keys, isArray := v.(*types.Array); isArray \&\& rootKey == "_id" \&\& keys.Len() > 0 {\
						ids := make([]string, 0, keys.Len())\
						for i := 0; i < keys.Len(); i++ {\
							switch key := must.NotFail(keys.Get(i)).(type) {\
							case string, types.ObjectID:\
								ids = append(ids, string(must.NotFail(sjson.MarshalSingleValue(key))))\
							}\
						}\
\
						if len(ids) == keys.Len() {\
							filters = append(filters, metadata.IDColumn+" = ANY("+p.Next()+")")\
							args = append(args, ids)\
						}\
					}\
\
&|
