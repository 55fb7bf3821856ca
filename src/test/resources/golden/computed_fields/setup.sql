create table author (id int primary key, first_name text not null, last_name text not null);
create table article (id int primary key, title text not null, author_id int references author(id), rating int);
insert into author values (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing'), (3, 'Grace', 'Hopper');
insert into article values (1, 'Notes', 1, 5), (2, 'Engines', 1, 3), (3, 'Machines', 2, 4), (4, 'Compilers', 3, 5);
create function author_full_name(author_row author) returns text stable language sql as $$
  select author_row.first_name || ' ' || author_row.last_name $$;
create function author_articles(author_row author, min_rating int default 0) returns setof article stable language sql as $$
  select * from article where author_id = author_row.id and rating >= min_rating $$;
