-- DDL corpus (docs/parsing.md, "Corpus"): realistic statements written for inceptor's parser tests.
-- Run in order in one fresh database, each statement ends with `;` at the end of a line.
-- A statement preceded by `-- mysql8` is MySQL 8.0 syntax that MariaDB 10.11 refuses; every other statement is
-- executed on the test MariaDB by test/integration/sql/ddl-corpus.test.ts and must succeed there.

-- databases -------------------------------------------------------------------------------------------------
create database if not exists corpus_shop default character set utf8mb4 collate utf8mb4_general_ci;
create database if not exists `corpus_logs` charset utf8mb4;
create schema if not exists corpus_tmp default charset = latin1 default collate = latin1_swedish_ci;
create database if not exists 127_0_0_1_3306_corpus;
create database if not exists corpus_commented comment 'reporting copies';
alter database corpus_shop default character set utf8mb4 collate utf8mb4_unicode_ci;
alter schema corpus_logs character set = utf8mb4;
alter database corpus_tmp collate latin1_bin;
alter database corpus_commented comment = 'reporting copies, nightly';
-- mysql8
alter database corpus_tmp read only = 1;
-- mysql8
create database corpus_enc default encryption = 'N';
drop database if exists 127_0_0_1_3306_corpus;
drop database if exists `127_0_0_1_3306_corpus`;
drop schema if exists corpus_commented;
drop database corpus_tmp;
create or replace database corpus_tmp2 character set utf8;
drop database if exists corpus_tmp2;

-- tables: the shop --------------------------------------------------------------------------------------------
create table users (
  id bigint unsigned not null auto_increment comment 'user id',
  email varchar(255) not null comment 'login e-mail',
  nickname varchar(64) character set utf8mb4 collate utf8mb4_bin default null comment 'display name',
  status tinyint(4) not null default '1' comment '1 active, 2 locked',
  balance decimal(12,2) not null default 0.00 comment 'account balance',
  created_at datetime not null default current_timestamp comment 'created',
  updated_at datetime not null default current_timestamp on update current_timestamp comment 'updated',
  primary key (id),
  unique key uk_email (email),
  key idx_status_created (status, created_at)
) engine=innodb auto_increment=1000 default charset=utf8mb4 comment='site users';
create table products (
  id int(11) not null auto_increment,
  sku char(16) not null,
  title varchar(200) not null default '',
  description text,
  price decimal(10,2) unsigned not null default '0.00',
  weight float(7,3) default null,
  rating double default null,
  stock mediumint unsigned zerofill not null default 0,
  is_active bool not null default true,
  tags set('new','sale','hot') not null default 'new',
  kind enum('physical','digital','service') not null default 'physical',
  attrs json default null,
  primary key (id),
  unique key uk_sku (sku),
  fulltext key ft_title_desc (title, description)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci comment = 'catalogue';
create table orders (
  id bigint not null auto_increment primary key comment 'order id',
  user_id bigint unsigned not null comment 'buyer',
  order_no varchar(32) not null comment 'public number',
  amount decimal(14,2) not null default '0.00' comment 'total',
  paid_at timestamp null default null comment 'payment time',
  state enum('new','paid','shipped','done','cancelled') not null default 'new' comment 'state',
  note varchar(500) not null default '' comment 'buyer note',
  unique index uk_order_no (order_no),
  index idx_user (user_id),
  constraint fk_orders_user foreign key (user_id) references users (id) on delete restrict on update cascade
) engine innodb default charset utf8mb4 comment 'orders';
create table order_items (
  order_id bigint not null,
  product_id int not null,
  qty smallint unsigned not null default 1,
  unit_price decimal(10,2) not null,
  line_total decimal(12,2) as (qty * unit_price) stored,
  primary key (order_id, product_id),
  key idx_product (product_id),
  foreign key (order_id) references orders (id) on delete cascade,
  foreign key (product_id) references products (id)
) engine=innodb;
create table addresses (
  id int unsigned not null auto_increment,
  user_id bigint unsigned not null,
  country char(2) not null default 'CN',
  province varchar(32) not null default '',
  city varchar(32) not null default '',
  line1 varchar(255) not null,
  line2 varchar(255) default null,
  zip varchar(12) default null,
  is_default tinyint(1) not null default 0,
  primary key (id),
  key idx_user_default (user_id, is_default)
) engine=InnoDB row_format=dynamic default charset=utf8mb4;
create table coupons (
  code varchar(20) not null primary key,
  discount_pct tinyint unsigned not null check (discount_pct between 1 and 90),
  valid_from date not null,
  valid_to date not null,
  constraint chk_coupon_dates check (valid_to >= valid_from)
);
create table payments (
  id bigint unsigned not null auto_increment,
  order_id bigint not null,
  provider varchar(20) not null,
  provider_txn varchar(64) not null,
  amount decimal(14,2) not null,
  currency char(3) not null default 'CNY',
  raw_response mediumtext,
  created_at timestamp(3) not null default current_timestamp(3),
  primary key (id),
  unique key uk_provider_txn (provider, provider_txn),
  key idx_order (order_id)
) engine=innodb default charset=utf8mb4 collate=utf8mb4_bin;
create table inventory_moves (
  id bigint not null auto_increment,
  product_id int not null,
  delta int not null,
  reason varchar(32) not null default 'sale',
  moved_at datetime(6) not null default current_timestamp(6),
  primary key (id, moved_at)
) engine=innodb
partition by range columns (moved_at) (
  partition p2023 values less than ('2024-01-01'),
  partition p2024 values less than ('2025-01-01'),
  partition pmax values less than (maxvalue)
);
create table sessions (
  id char(40) not null,
  user_id bigint unsigned default null,
  data blob,
  expires_at int unsigned not null,
  primary key (id),
  key idx_expires (expires_at)
) engine=innodb stats_persistent=0 checksum=1;
create table settings (
  name varchar(64) not null,
  value varchar(1024) not null default '',
  primary key (name)
) engine=innodb default charset=ascii;
create table if not exists settings (
  name varchar(64) not null primary key
);
create table page_views (
  id bigint unsigned not null auto_increment,
  url varchar(2048) not null,
  referrer varchar(2048) default null,
  ip varbinary(16) not null,
  viewed_on date not null,
  primary key (id, viewed_on)
) engine=innodb
partition by range (to_days(viewed_on)) (
  partition p202401 values less than (to_days('2024-02-01')),
  partition p202402 values less than (to_days('2024-03-01')),
  partition p_future values less than maxvalue
);
create table regional_sales (
  id int not null,
  region_id tinyint unsigned not null,
  amount decimal(12,2) not null,
  primary key (id, region_id)
)
partition by list (region_id) (
  partition p_north values in (1, 2, 3),
  partition p_south values in (4, 5),
  partition p_other values in (6, 7, 8, 9)
);
create table event_hash (
  id bigint not null,
  payload varchar(255),
  primary key (id)
) partition by hash (id) partitions 8;
create table event_key (
  id bigint not null,
  tenant varchar(16) not null,
  primary key (id, tenant)
) partition by key (tenant) partitions 4;
create table event_linear (
  id int not null primary key
) partition by linear hash (id) partitions 3;
create table sub_parted (
  id int not null,
  purchased date not null
)
partition by range (year(purchased))
subpartition by hash (to_days(purchased)) subpartitions 2 (
  partition p0 values less than (1990),
  partition p1 values less than (2000),
  partition p2 values less than maxvalue
);
create table range_cols (
  a int not null,
  b int not null
) partition by range columns (a, b) (
  partition p0 values less than (10, 10),
  partition p1 values less than (maxvalue, maxvalue)
);
create table list_cols (
  country char(2) not null,
  city varchar(20) not null
) partition by list columns (country) (
  partition p_asia values in ('CN', 'JP', 'KR'),
  partition p_eu values in ('DE', 'FR')
);
create table audit_log (
  id bigint unsigned not null auto_increment,
  actor varchar(64) not null,
  action varchar(32) not null,
  target_table varchar(64) not null,
  target_id bigint default null,
  before_image longtext,
  after_image longtext,
  logged_at timestamp not null default current_timestamp,
  primary key (id),
  key idx_target (target_table, target_id),
  key idx_actor_time (actor, logged_at)
) engine=innodb default charset=utf8mb4 comment='who changed what';
create table geo_points (
  id int unsigned not null auto_increment primary key,
  name varchar(50) not null,
  location point not null,
  area polygon default null,
  spatial index sp_location (location)
) engine=innodb;
create table shapes (
  id int not null primary key,
  g geometry,
  ls linestring,
  mp multipoint,
  mls multilinestring,
  mpg multipolygon,
  gc geometrycollection
);
create table binaries (
  id int not null primary key,
  b1 binary(16) not null,
  b2 varbinary(255) default null,
  tb tinyblob,
  mb mediumblob,
  lb longblob,
  bits bit(8) not null default b'00000000',
  flag bit(1) default b'1',
  hexdef varbinary(4) default 0x0a0b
);
create table numbers (
  id int not null primary key,
  t tinyint unsigned default 0,
  s smallint default -1,
  m mediumint default null,
  i integer not null default 0,
  bi bigint(20) unsigned default 18446744073709551615,
  dc dec(8,3) default 1.500,
  nm numeric(6) default 0,
  ft float default 1.5e3,
  dp double precision default null,
  rl real default null,
  yr year default '2024',
  tm time(3) default '00:00:00.000'
);
create table texts (
  id int not null auto_increment,
  tt tinytext,
  tx text character set utf8mb4 collate utf8mb4_unicode_ci,
  mt mediumtext charset latin1,
  lt longtext,
  nc national char(10) default 'x',
  nv nvarchar(20) default null,
  vb varchar(30) binary default '',
  primary key (id)
) charset utf8mb4;
create table generated_cols (
  id int not null primary key,
  first_name varchar(32) not null,
  last_name varchar(32) not null,
  full_name varchar(65) generated always as (concat(first_name, ' ', last_name)) virtual,
  name_len int as (char_length(first_name) + char_length(last_name)) persistent,
  key idx_full_name (full_name)
);
create table json_docs (
  id int unsigned not null auto_increment primary key,
  doc json not null,
  doc_type varchar(20) as (json_unquote(json_extract(doc, '$.type'))) virtual,
  key idx_doc_type (doc_type)
) engine=innodb;
create table defaults_expr (
  id int not null primary key,
  token char(36) default (uuid()),
  created date default (curdate()),
  score int default (1 + 1),
  label varchar(20) default _utf8mb4'none'
);
create table invisible_cols (
  id int not null primary key,
  secret varchar(64) invisible default 'x'
);
create table versioned_prices (
  id int not null primary key,
  price decimal(10,2) not null
) with system versioning;
create temporary table tmp_report (
  user_id bigint not null,
  total decimal(14,2) not null default 0
) engine=memory;
create temporary table if not exists tmp_ids (id bigint not null primary key);
create table users_archive like users;
create table if not exists orders_archive like orders;
create table products_copy (like products);
create table user_emails as select id, email from users;
create table active_users select id, nickname from users where status = 1;
create table order_totals (primary key (user_id)) as select user_id, sum(amount) as total from orders group by user_id;
create table product_names ignore select id, title from products;
create or replace table scratch (id int not null primary key, note varchar(10));
create table qualified_cols (qualified_cols.id int not null primary key, corpus.qualified_cols.v int);
create table serial_ids (id serial, note varchar(10));
create table options_no_commas (id int not null primary key) engine=innodb auto_increment=10 avg_row_length=100 max_rows=1000000 min_rows=10 pack_keys=default delay_key_write=0 row_format=compact comment='opts';
create table options_commas (id int not null primary key) engine=innodb, default charset=utf8mb4, collate=utf8mb4_bin, comment='opts with commas';
create table key_block (id int not null, v varchar(10), primary key (id) key_block_size=8, key idx_v (v) comment 'v lookup') key_block_size=8 row_format=compressed;
create table hash_idx (id int not null, v int, primary key (id), key idx_v using hash (v)) engine=memory;
create table btree_idx (id int not null, v int, primary key using btree (id), index idx_v (v) using btree);
create table fk_actions (
  id int not null primary key,
  parent_id int default null,
  constraint fk_parent foreign key (parent_id) references fk_actions (id) on delete set null on update no action
);
create table fk_match (
  id int not null primary key,
  order_id bigint not null,
  foreign key fk_order (order_id) references orders (id) match simple on delete cascade
);
create table col_references (
  id int not null primary key,
  user_id bigint unsigned references users (id)
);
create table prefix_idx (
  id int not null primary key,
  url varchar(1000) not null,
  body text,
  key idx_url (url(191)),
  fulltext index ft_body (body),
  unique key uk_url_id (url(100), id)
);
create table desc_idx (id int not null primary key, created datetime not null, key idx_created_desc (created desc, id asc));
create table ignored_idx (id int not null primary key, v int, key idx_v (v) ignored);
create table `order` (`id` int not null, `key` varchar(10), `desc` varchar(10), primary key (`id`));
create table `select` (`from` int, `where` int);
create table t_$dollar (c$1 int, `weird name` int);
create table `中文表` (`编号` int not null primary key comment '编号', `名称` varchar(20) comment '名称') comment '中文';
create table corpus_shop.remote_users (id int not null primary key, name varchar(20));
create table `corpus_logs`.`app_log` (id bigint not null auto_increment primary key, level enum('debug','info','warn','error') not null, msg text) engine=innodb;
create table 127_prefixed (id int not null primary key);
create table zerofill_cols (a int(10) unsigned zerofill, b decimal(8,2) zerofill);
create table long_types (a long, b long varchar, c long varbinary);
create table char_varying (a char varying(10), b character varying(20), c character(5));
create table signed_cols (a int signed, b bigint signed not null default -5);
create table ts_defaults (
  id int not null primary key,
  a timestamp not null default '2000-01-01 00:00:00',
  b timestamp null,
  c datetime default now(),
  d datetime(3) default now(3) on update now(3),
  e timestamp default localtimestamp,
  f date default '2024-01-01'
);
-- mysql8
create table ngram_ft (id int not null primary key, body text, fulltext index ft_body (body) with parser ngram);
-- mysql8
create table column_formats (id int not null primary key, a varchar(10) column_format dynamic, b int column_format fixed);
create table comp_cols (id int not null primary key, a text compressed, b varchar(1000) compressed);
create table with_check_named (id int not null primary key, qty int, constraint qty_positive check (qty > 0));
-- mysql8
create table chk_not_enforced (id int not null primary key, qty int, constraint qty_nonneg check (qty >= 0) not enforced);
-- mysql8
create table srid_geo (id int not null primary key, g point not null srid 4326, spatial index (g));
-- mysql8
create table func_idx (id int not null primary key, email varchar(100), key idx_lower_email ((lower(email))));
-- mysql8
create table json_mv (id int not null primary key, doc json, key idx_zips ((cast(doc->'$.zips' as unsigned array))));
-- mysql8
create table invisible_idx (id int not null primary key, v int, key idx_v (v) invisible, key idx_w (v, id) visible);
-- mysql8
create table mysql8_collation (id int not null primary key, v varchar(10)) default charset=utf8mb4 collate=utf8mb4_0900_ai_ci;
-- mysql8
create table geomcoll (id int not null primary key, g geomcollection);
-- mysql8
create table engine_attr (id int not null primary key) engine_attribute='{}';

-- ALTER TABLE, one spec at a time ------------------------------------------------------------------------------
alter table users add column phone varchar(20) default null comment 'mobile' after email;
alter table users add column locale char(5) not null default 'zh_CN' comment 'ui language';
alter table users add column first_seen datetime default null first;
alter table users add last_ip varbinary(16) default null;
alter table users add column (gender tinyint not null default 0 comment 'gender', birthday date default null comment 'birthday');
alter table users add (score int not null default 0, index idx_score (score));
alter table users add column if not exists phone varchar(20);
alter table users modify column phone varchar(32) default null comment 'mobile, e.164';
alter table users modify locale varchar(10) not null default 'zh_CN' after phone;
alter table users modify column first_seen datetime(3) default null first;
alter table users change column last_ip last_login_ip varbinary(16) default null comment 'last login ip';
alter table users change gender sex tinyint unsigned not null default 0 comment 'sex' after nickname;
alter table users rename column birthday to birth_date;
alter table users alter column locale set default 'en_US';
alter table users alter locale drop default;
alter table users alter column score set default -1;
alter table users alter column sex set default (1);
alter table users drop column first_seen;
alter table users drop score;
alter table users drop column if exists no_such_column;
alter table users add index idx_phone (phone);
alter table users add key idx_locale_status (locale, status) comment 'by locale';
alter table users add unique index uk_phone (phone);
alter table users add unique uk_nick (nickname);
alter table users add fulltext index ft_nickname (nickname);
alter table users add constraint chk_balance check (balance >= 0);
alter table users drop constraint chk_balance;
alter table users rename index idx_phone to idx_users_phone;
alter table users rename key idx_locale_status to idx_users_locale_status;
alter table users drop index uk_nick;
alter table users drop key idx_users_phone;
alter table users drop index if exists idx_missing;
alter table users add index if not exists idx_status_created (status, created_at);
alter table users engine=innodb;
alter table users engine innodb;
alter table users auto_increment=5000;
alter table users auto_increment 6000 comment 'site users (v2)';
alter table users comment='site users';
alter table users comment 'site users, again';
alter table users default charset=utf8mb4;
alter table users default character set utf8mb4 collate utf8mb4_unicode_ci;
alter table users character set = utf8mb4;
alter table users charset utf8mb4 collate utf8mb4_general_ci;
alter table users convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table users convert to charset utf8mb4;
alter table users row_format=dynamic;
alter table users stats_persistent=1 stats_auto_recalc=1 stats_sample_pages=20;
alter table users force;
alter table users order by id;
alter table users algorithm=inplace, lock=none, add index idx_balance (balance);
alter table users add column nickname_len int as (char_length(nickname)) virtual, algorithm=inplace;
alter table settings add column tier tinyint not null default 0, algorithm=instant;
alter table settings drop column tier, algorithm=instant;
alter table users lock=shared, add key idx_created (created_at);
alter table users algorithm=copy, lock=exclusive, drop index idx_created;
alter table users disable keys;
alter table users enable keys;
alter table users rename to site_users;
alter table site_users rename as users;
alter table users rename corpus_logs.users_moved;
alter table corpus_logs.users_moved rename to users;
alter online table users comment 'online';
alter ignore table users add unique key uk_email_locale (email, locale);
alter table if exists users comment 'if exists';
alter table users wait 5 comment 'wait';
alter table users nowait comment 'nowait';
alter table users add column c1 int not null default 0 comment 'c1', add column c2 varchar(10) not null default '' comment 'c2' after c1, add index idx_c1_c2 (c1, c2), drop column sex, modify column locale varchar(12) not null default 'zh_CN' comment 'ui language', comment='multi-spec';
alter table users change column c2 c3 varchar(20) not null default '' comment 'c3', alter column c1 set default 1, rename index idx_c1_c2 to idx_c1_c3, engine=innodb;
alter table users drop index idx_c1_c3, drop column c1, drop column c3;
alter table products add column (cost decimal(10,2) default null comment 'cost', supplier_id int default null comment 'supplier');
alter table products add column margin decimal(10,2) as (price - cost) persistent;
alter table products modify column attrs json not null default (json_object());
alter table products modify weight decimal(7,3) unsigned default null;
alter table products change column rating avg_rating decimal(3,2) default null;
alter table products modify column tags set('new','sale','hot','limited') not null default 'new';
alter table products modify kind enum('physical','digital','service','bundle') not null default 'physical';
alter table geo_points add spatial index if not exists sp_location_2 (location);
alter table products add index idx_sku_prefix (sku(8));
alter table products add unique key uk_title_kind (title(100), kind);
alter table products add constraint fk_supplier foreign key (supplier_id) references products (id) on delete set null;
alter table products drop foreign key fk_supplier;
alter table products drop foreign key if exists fk_missing;
alter table products drop index fk_supplier;
alter table products add index idx_price_desc (price desc);
alter table products add key idx_ignored (stock) ignored;
alter table products alter index idx_ignored not ignored;
alter table products alter key idx_ignored ignored;
-- mysql8
alter table products alter column title set invisible;
-- mysql8
alter table products alter column title set visible;
alter table orders drop primary key, add primary key (id, user_id);
alter table orders add column refund_amount decimal(14,2) not null default '0.00' comment 'refund';
alter table orders modify note varchar(1000) character set utf8mb4 collate utf8mb4_unicode_ci not null default '' comment 'buyer note';
alter table orders add column shipped_at datetime default null comment 'shipping time' after paid_at;
alter table orders add check (amount >= 0);
alter table order_items drop foreign key order_items_ibfk_2;
alter table order_items add constraint fk_items_product foreign key (product_id) references products (id) on update cascade;
alter table inventory_moves reorganize partition pmax into (partition p2025 values less than ('2026-01-01'), partition pmax values less than (maxvalue));
alter table inventory_moves reorganize partition p2025, pmax into (partition p2025 values less than ('2026-01-01'), partition p2026 values less than ('2027-01-01'), partition pmax values less than (maxvalue));
alter table regional_sales add partition (partition p_far values in (12));
alter table inventory_moves truncate partition p2023;
alter table inventory_moves analyze partition p2024, p2025;
alter table inventory_moves check partition all;
alter table inventory_moves optimize partition p2024;
alter table inventory_moves rebuild partition p2024, p2025;
alter table inventory_moves repair partition all;
alter table inventory_moves drop partition p2023;
alter table page_views drop partition if exists p202401;
alter table event_hash coalesce partition 2;
alter table event_hash add partition partitions 2;
alter table event_key remove partitioning;
alter table event_key partition by key (tenant) partitions 8;
alter table regional_sales add partition (partition p_new values in (10, 11));
alter table regional_sales partition by hash (region_id) partitions 4;
alter table event_linear partition by range (id) (partition p0 values less than (100), partition p1 values less than maxvalue);
alter table scratch add column n int not null default 0 partition by hash (id) partitions 2;
alter table scratch remove partitioning;
create table exchange_target (id int not null primary key);
alter table event_linear exchange partition p0 with table exchange_target;
-- mysql8
alter table event_linear exchange partition p0 with table exchange_target without validation;
create table tablespace_demo (id int not null primary key);
alter table tablespace_demo discard tablespace;
drop table tablespace_demo;
alter table versioned_prices drop system versioning;
alter table versioned_prices add system versioning;
alter table settings modify value varchar(2048) character set ascii not null default '';
alter table settings add column updated_at timestamp not null default current_timestamp on update current_timestamp;
alter table settings modify column updated_at timestamp(3) not null default current_timestamp(3) on update current_timestamp(3);
alter table binaries modify bits bit(16) not null default b'0000000000000001';
alter table binaries alter column flag set default b'0';
alter table numbers modify column dc decimal(10,4) not null default '0.0000';
alter table numbers modify bi bigint unsigned not null default 0;
alter table texts modify tx mediumtext character set utf8mb4 collate utf8mb4_bin;
alter table texts convert to character set latin1;
alter table `order` add column `group` varchar(10) default null, add index `index` (`key`);
alter table `order` rename column `desc` to `description`;
alter table t_$dollar add column `c$2` int;
alter table `中文表` add column `备注` varchar(100) default null comment '备注';
alter table 127_prefixed add column v int;
alter table corpus_shop.remote_users add column email varchar(100) default null;
alter table users;
alter table key_block key_block_size=4;
alter table hash_idx max_rows=100 min_rows=1;
alter table options_no_commas pack_keys=1 checksum=0 delay_key_write=1;
alter table addresses modify column is_default tinyint(1) not null default 0 comment 'default address' after zip;
alter table addresses add column geo point default null, add column tag varchar(10) not null default 'home' comment 'label';
alter table fk_actions drop foreign key fk_parent, add constraint fk_parent2 foreign key (parent_id) references fk_actions (id) on delete cascade;
alter table coupons drop constraint chk_coupon_dates;
alter table coupons add constraint chk_dates check (valid_to > valid_from);
alter table generated_cols modify column full_name varchar(80) generated always as (concat(last_name, ', ', first_name)) virtual;
alter table json_docs add column doc_id int as (json_value(doc, '$.id')) persistent;
-- mysql8
alter table invisible_idx alter index idx_v visible;
-- mysql8
alter table invisible_idx alter index idx_w invisible;
-- mysql8
alter table users add index idx_lower_email ((lower(email)));
-- mysql8
alter table users add index idx_json_tags ((cast(json_extract(attrs, '$.tags') as char(32) array)));
-- mysql8
alter table users add column c9 int, algorithm=instant, lock=default;
-- mysql8
alter table users drop check chk_something;
-- mysql8
alter table users alter check chk_something not enforced;
-- mysql8
alter table users add index idx_v2 (phone) invisible;
-- mysql8
alter table users rename index idx_a to idx_b, alter index idx_b invisible;
-- mysql8
alter table users secondary_engine = rapid;
-- mysql8
alter table users with validation;

-- dump-style and less common spellings ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS `dump_style` (`id` bigint(20) unsigned NOT NULL AUTO_INCREMENT COMMENT 'id', `v` varchar(10) DEFAULT NULL, `c` int(11) NOT NULL DEFAULT '0' COMMENT 'c', PRIMARY KEY (`id`) USING BTREE, KEY `idx_v` (`v`) USING BTREE COMMENT 'v') ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC COMMENT='dump';
create table attr_order (a int default 1 not null, b varchar(10) not null collate utf8mb4_bin, c int unsigned default '0' not null comment 'c', d varchar(10) comment 'd' default 'y') comment 'attrs in any order' engine=innodb;
create table key_shorthand (a int, b int, d int key, unique (a, b), key (a), index (b));
create table enum_charset (a enum('x','y') character set utf8 collate utf8_bin, b set('a') binary, c varchar(10) ascii);
create table hash_named_parts (a int) engine=innodb partition by hash (a) partitions 4 (partition p0, partition p1, partition p2, partition p3);
create table part_options (id int not null, primary key (id)) engine=innodb partition by range (id) (partition p0 values less than (10) comment = 'low' engine = innodb, partition p1 values less than maxvalue);
create table engine_string (a int) engine = 'InnoDB';
create table options_spaced (a int) engine innodb charset utf8mb4 row_format dynamic stats_persistent 1;
create table quoted_charset (a varchar(10) character set 'utf8mb4' collate 'utf8mb4_bin');
create table default_collate (a int) default charset utf8mb4 default collate utf8mb4_bin;
create table constraint_pk (a int, constraint primary key (a));
create table constraint_pk_named (a int, constraint pk_x primary key (a));
create table fk_no_action (a int not null, b int, foreign key (b) references constraint_pk_named (a) on delete no action on update restrict);
create table json_default (a json not null default ('{}'));
create table merge_parts (a int) engine=myisam;
create table merge_union (a int) union=(merge_parts) engine=merge insert_method=last;
create table `dash-name` (a int comment 'a' /* trailing comment */);
alter table attr_order add fulltext(b), add unique(c), add constraint unique (a), add constraint cu unique key ku (c, a);
alter table attr_order add index idx_b (b(5), c), modify column a int auto_increment primary key;
alter table attr_order character set utf8mb4, collate utf8mb4_bin;
alter table attr_order rename column a to a2, rename column b to b2;
alter table attr_order add column e int default (rand() * 10);
alter table attr_order modify c bigint unsigned not null default '0' comment 'c' first;
rename tables key_shorthand to key_shorthand2;
drop tables key_shorthand2, enum_charset;

-- indexes --------------------------------------------------------------------------------------------------------
create index idx_orders_state on orders (state);
create index idx_orders_user_state on orders (user_id, state) comment 'list by user';
create unique index uk_addresses_line on addresses (user_id, line1(100));
create fulltext index ft_orders_note on orders (note);
create spatial index sp_geo_area on geo_points (location);
create index idx_payments_created using btree on payments (created_at);
create index idx_payments_amount on payments (amount desc) using btree;
create index if not exists idx_orders_state on orders (state);
create or replace index idx_orders_state on orders (state, paid_at);
create index idx_inv_product on inventory_moves (product_id) algorithm=inplace lock=none;
create index idx_inv_reason on inventory_moves (reason) lock=shared;
create index idx_provider on payments (provider) algorithm=inplace;
create index idx_ignored on payments (currency) ignored;
create index `idx_order` on `order` (`group`);
create index idx_127 on 127_prefixed (v);
drop index idx_orders_state on orders;
drop index idx_orders_user_state on orders nowait;
-- mysql8
drop index idx_inv_reason on inventory_moves algorithm=inplace lock=none;
drop index if exists idx_missing on orders;
drop index `idx_order` on `order`;
drop index uk_addresses_line on corpus.addresses;
drop index idx_127 on 127_prefixed;
-- mysql8
create index idx_func on orders ((year(paid_at)));
-- mysql8
create index idx_invisible on orders (amount) invisible;
-- mysql8
create index idx_mv on json_docs ((cast(doc->'$.tags' as char(20) array)));

-- views ----------------------------------------------------------------------------------------------------------
create view v_active_users as select id, email, nickname from users where status = 1;
create or replace view v_active_users (user_id, user_email, user_nick) as select id, email, nickname from users where status = 1;
create algorithm=merge view v_orders_paid as select id, user_id, amount from orders where state = 'paid' with check option;
create algorithm=temptable definer=current_user sql security invoker view v_order_totals as select user_id, sum(amount) as total from orders group by user_id;
create definer=`root`@`localhost` sql security definer view v_products_cheap as select id, title, price from products where price < 10 with cascaded check option;
create view v_all_ids as select id as ref from users union all select id from products;
create view v_recent as with recent as (select id, user_id, amount from orders where paid_at > now() - interval 7 day) select user_id, count(*) as n from recent group by user_id;
create view v_local as select id from orders where amount > 0 with local check option;
create view corpus_shop.v_remote as select id, name from corpus_shop.remote_users;
create or replace algorithm=undefined view v_joined as select o.id, u.email, o.amount from orders o join users u on u.id = o.user_id;
create view if not exists v_if_not_exists as select 1 as one;
create view v_union3 as select id from orders union select id from payments union select id from addresses;
create view v_subquery as select u.id, (select count(*) from orders o where o.user_id = u.id) as order_count from users u;
create view v_order_pairs (order_ref, ref_order) as select id, user_id from orders union select id, order_id from payments;
create or replace view v_payment_cols (pay_id, pay_order, pay_amount) as select id, order_id, amount from payments;
drop view v_order_pairs, v_payment_cols;
drop view if exists v_if_not_exists;
drop view v_union3, v_subquery;
drop view if exists v_missing cascade;

-- column qualifiers, defaults and limits the audit checks ----------------------------------------------------------
create table corpus.qualified_codes (corpus.qualified_codes.id int not null primary key, qualified_codes.code char(8) not null default '');
alter table qualified_codes modify corpus.qualified_codes.code char(12) not null default '';
alter table qualified_codes change code qualified_codes.short_code char(12) not null default '';
create table flags (
  id int unsigned not null auto_increment primary key,
  bits bit(8) not null default b'00000001',
  enabled bit(1) not null default 0,
  measured_at datetime(3) not null default current_timestamp(3) on update current_timestamp(3),
  day_of date not null default '2024-01-01',
  open_at time not null default '08:30:00',
  model_year year not null default 2024,
  ratio decimal(65,30) not null default '0',
  label varchar(2000) not null default '',
  KEY IDX_DAY_OF (day_of),
  unique key Uk_Bits (bits)
) engine=innodb default charset=utf8mb4;
alter table flags alter column ratio set default '1.5', alter model_year set default 2025;
alter table flags add column note char(255) not null default '' after label, add index idx_note (note);
create index IDX_OPEN_AT on flags (open_at);
drop table qualified_codes, flags;

-- drop / truncate / rename -----------------------------------------------------------------------------------
truncate table audit_log;
truncate sessions;
truncate table corpus_logs.app_log;
rename table users_archive to users_archive_2024;
rename table users_archive_2024 to users_archive, orders_archive to orders_archive_old;
rename table orders_archive_old to corpus_logs.orders_archive;
rename table if exists corpus_logs.orders_archive to orders_archive;
drop table if exists tmp_missing;
drop temporary table if exists tmp_report;
drop temporary table tmp_ids;
drop table users_archive, orders_archive;
drop table if exists user_emails, active_users, order_totals, product_names;
drop table if exists scratch restrict;
drop table if exists 127_prefixed;
drop table if exists `127_0_0_1_3306_corpus`.`users`;
drop table if exists corpus_logs.app_log nowait;
drop table if exists exchange_target wait 10;
