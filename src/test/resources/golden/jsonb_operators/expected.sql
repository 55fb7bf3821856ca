-- a
select coalesce(json_agg((select row_to_json("_e") from (select "_0"."_2" as "name") as "_e")), '[]') as "v" from (select "_1"."name" as "_2" from "public"."authors" as "_1" where ("_1"."profile" @> $1::"jsonb")) as "_0"
-- b
select coalesce(json_agg((select row_to_json("_e") from (select "_0"."_2" as "name") as "_e")), '[]') as "v" from (select "_1"."name" as "_2" from "public"."authors" as "_1" where jsonb_exists_any("_1"."profile", $1::"text"[])) as "_0"
-- c
select coalesce(json_agg((select row_to_json("_e") from (select "_0"."_2" as "name", "_0"."_3" as "profile") as "_e") order by "_0"."_4" asc nulls last), '[]') as "v" from (select "_1"."name" as "_2", "_1"."profile" as "_3", "_1"."id" as "_4" from "public"."authors" as "_1" where jsonb_exists("_1"."profile", $1::"text") order by "_4" asc nulls last) as "_0"
