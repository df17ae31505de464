-- A service's own first migration, numbered as the library's first are: each has its own history.
create table wedding (
    id   text primary key,
    date date not null
);
