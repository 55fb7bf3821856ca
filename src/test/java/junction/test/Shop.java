package junction.test;

/** A small shop database (customers, products, orders, items) tracked with relationships, for GraphQL tests. */
public final class Shop {
    public static final String SQL = """
        create table customers (id serial primary key, name text not null, email varchar(100), meta jsonb,
          created_at timestamptz not null default '2024-01-02 03:04:05+00');
        create table products (id int primary key, name text not null, price numeric(12,2) not null, tags text[],
          weight float8, rating real);
        create table orders (id int primary key, customer_id int references customers(id), status text not null,
          total numeric(20,6), big bigint, placed_on date, note text);
        create table order_items (id serial primary key, order_id int not null references orders(id),
          product_id int not null references products(id), qty int not null check (qty > 0), unique (order_id, product_id));
        insert into customers (name, email, meta) values
          ('Ada', 'ada@example.com', '{"vip": true, "tier": "gold", "tags": ["a", "b"]}'),
          ('Bob', null, '{"vip": false}'),
          ('Cy', 'cy@example.com', null);
        insert into products values (1, 'Pen', 1.50, '{office,cheap}', 0.01, 4.5), (2, 'Desk', 250.00, '{office}', 30.5, 3.25),
          (3, 'Lamp', 35.99, null, null, null);
        insert into orders values
          (1, 1, 'paid', 12345678901234.123456, 9007199254740993, '2024-03-01', 'first'),
          (2, 1, 'open', 3.00, null, '2024-03-05', null),
          (3, 2, 'paid', 250.00, 1, '2024-02-10', 'desk'),
          (4, null, 'cancelled', null, null, null, 'orphan');
        insert into order_items (order_id, product_id, qty) values (1, 1, 2), (1, 3, 1), (2, 1, 2), (3, 2, 1);
        """;

    public static final String METADATA = """
        {"type": "bulk", "args": [
          {"type": "pg_track_table", "args": {"table": "customers"}},
          {"type": "pg_track_table", "args": {"table": "products"}},
          {"type": "pg_track_table", "args": {"table": "orders"}},
          {"type": "pg_track_table", "args": {"table": "order_items"}},
          {"type": "pg_create_object_relationship", "args": {"table": "orders", "name": "customer",
             "using": {"foreign_key_constraint_on": "customer_id"}}},
          {"type": "pg_create_array_relationship", "args": {"table": "orders", "name": "items",
             "using": {"foreign_key_constraint_on": {"table": "order_items", "columns": ["order_id"]}}}},
          {"type": "pg_create_array_relationship", "args": {"table": "customers", "name": "orders",
             "using": {"foreign_key_constraint_on": {"table": "orders", "columns": ["customer_id"]}}}},
          {"type": "pg_create_object_relationship", "args": {"table": "order_items", "name": "product",
             "using": {"foreign_key_constraint_on": "product_id"}}},
          {"type": "pg_create_object_relationship", "args": {"table": "order_items", "name": "order",
             "using": {"foreign_key_constraint_on": "order_id"}}}
        ]}
        """;

    private Shop() {
    }

    /** A running engine over a fresh database holding the shop, fully tracked. */
    public static EngineFixture start(String hint) {
        EngineFixture fixture = EngineFixture.start(hint);
        fixture.runSqlOk(SQL);
        fixture.metadataOk(METADATA);
        return fixture;
    }
}
