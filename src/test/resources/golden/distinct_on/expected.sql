-- articles
select coalesce(json_agg(json_build_object('author_id', "_0"."_2", 'title', "_0"."_3") order by "_0"."_2" asc nulls last, "_0"."_4" desc nulls first), '[]') as "v" from (select distinct on ("_2") "_1"."author_id" as "_2", "_1"."title" as "_3", "_1"."views" as "_4" from "public"."articles" as "_1" order by "_2" asc nulls last, "_4" desc nulls first) as "_0"
