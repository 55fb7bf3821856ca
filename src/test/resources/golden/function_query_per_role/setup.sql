create table authors (id int primary key, name text not null);
create table articles (id int primary key, author_id int not null references authors(id), title text not null, rating int);
insert into authors values (1, 'Ann'), (2, 'Ben');
insert into articles values (1, 1, 'Alpha', 5), (2, 1, 'Beta', 3), (3, 2, 'Alphabet', 4);
create function search_articles(search text, hasura_session json) returns setof articles language sql stable
  as $$ select * from articles where title ilike search || '%' $$;
