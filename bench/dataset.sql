-- Deterministic benchmark dataset: 10k customers, 1k products, 100k orders, 300k order items.
drop table if exists order_items, orders, products, customers cascade;
create table customers (id int primary key, name text not null, email text);
create table products (id int primary key, name text not null, price numeric(10,2) not null);
create table orders (id int primary key, customer_id int not null references customers(id), status text not null,
  total numeric(12,2) not null, placed_on date not null);
create table order_items (id bigint primary key, order_id int not null references orders(id),
  product_id int not null references products(id), qty int not null);
insert into customers select i, 'customer ' || i, 'c' || i || '@example.com' from generate_series(1, 10000) i;
insert into products select i, 'product ' || i, (i % 500) + 0.99 from generate_series(1, 1000) i;
insert into orders select i, (i * 7919) % 10000 + 1, (array['open', 'paid', 'shipped', 'cancelled'])[i % 4 + 1],
  ((i * 31) % 100000) / 100.0, date '2020-01-01' + (i % 1500) from generate_series(1, :orders) i;
insert into order_items select o * 3 + k, o, ((o * 13 + k * 101) % 1000) + 1, (o + k) % 5 + 1
  from generate_series(1, :orders) o, generate_series(0, 2) k;
create index on order_items (order_id);
create index on orders (customer_id);
create index on orders (status);
analyze;
