# target: internal/backends/postgresql/metadata/registry.go
# FerretDB 1.24's PostgreSQL backend builds every index as a B-tree on `((_jsonb->'field'))`, but pushes equality
# filters down as `_jsonb->'field' @> value` (containment: a field equal to the value or an array holding it, as
# MongoDB's equality matches), which a B-tree cannot answer: a filtered list page scanned the whole table. A
# non-unique index is built as a GIN index on the same expressions instead (jsonb_ops answers `@>`); unique indexes
# (`_id`, and any a collection declares unique) stay B-trees, which enforce uniqueness and serve `_id` lookups and
# ranges. GIN has no order, so a descending key is indexed like an ascending one. deploy/local runs PostgreSQL with
# plan_cache_mode=force_custom_plan, so that the field name (a query parameter) is known when a plan is made.
s|^		q += "INDEX %s ON %s (%s)"$|		if index.Unique {\n			q += "INDEX %s ON %s (%s)"\n		} else {\n			q += "INDEX %s ON %s USING gin (%s)"\n		}|
s|^			if key.Descending {$|			if key.Descending \&\& index.Unique {|
