create table authors (id int primary key, name text not null, born date, profile jsonb);
create table articles (id int primary key, author_id int not null references authors(id), title text not null,
  rating numeric(4,2), views bigint not null default 0, tags text[]);
insert into authors values (1, 'Ann', '1970-01-31', '{"langs": ["en", "fr"], "active": true}'),
  (2, 'Ben', null, '{"active": false}'), (3, 'Cat', '1990-12-01', null);
insert into articles values (1, 1, 'Alpha', 4.50, 100, '{a,b}'), (2, 1, 'Beta', 3.25, 9007199254740993, null),
  (3, 2, 'Gamma', null, 7, '{c}'), (4, 3, 'Delta', 5.00, 0, '{}');
