-- articles
select coalesce(json_agg((select row_to_json("_e") from (select "_0"."_2" as "id", "_0"."_3" as "title") as "_e") order by "_0"."_2" asc nulls last), '[]') as "v" from (select "_1"."id" as "_2", "_1"."title" as "_3" from "public"."articles" as "_1" order by "_2" asc nulls last limit $1::"int8" offset $2::"int8") as "_0"
