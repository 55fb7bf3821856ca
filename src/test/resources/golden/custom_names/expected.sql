-- writers
select coalesce(json_agg((select row_to_json("_e") from (select "_0"."_2" as "fullName", "_6"."v" as "posts") as "_e") order by "_0"."_2" asc nulls last), '[]') as "v" from (select "_1"."name" as "_2", "_1"."id" as "_3" from "public"."authors" as "_1" order by "_2" asc nulls last) as "_0" left join lateral (select json_build_object('aggregate', json_build_object('count', count(*))) as "v" from (select 1 from "public"."articles" as "_5" where "_5"."author_id" = "_0"."_3") as "_4") as "_6" on true
-- writer
select (select row_to_json("_e") from (select "_0"."_2" as "fullName") as "_e") as "v" from (select "_1"."name" as "_2" from "public"."authors" as "_1" where ("_1"."id" = $1::"int4") limit 1) as "_0"
-- writerStats
select json_build_object('aggregate', json_build_object('max', json_build_object('fullName', max("_0"."_2")))) as "v" from (select "_1"."name" as "_2" from "public"."authors" as "_1") as "_0"
