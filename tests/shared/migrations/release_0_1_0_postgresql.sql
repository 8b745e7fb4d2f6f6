CREATE TABLE classify_item (
	item_id VARCHAR(512) NOT NULL, 
	published TIMESTAMP WITH TIME ZONE NOT NULL, 
	fetched_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	item_json TEXT NOT NULL, 
	matches_json TEXT NOT NULL, 
	classified_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (item_id)
);

CREATE INDEX ix_classify_item_published ON classify_item (published);

CREATE TABLE classify_user_topic (
	name VARCHAR(64) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	query TEXT NOT NULL, 
	phrases_json TEXT NOT NULL, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (name)
);

CREATE TABLE ingest_feed (
	id SERIAL NOT NULL, 
	url VARCHAR(2048) NOT NULL, 
	title VARCHAR(512) NOT NULL, 
	enabled BOOLEAN NOT NULL, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	etag VARCHAR(1024), 
	last_modified VARCHAR(256), 
	content_hash VARCHAR(64), 
	next_check_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	interval_s FLOAT, 
	lease_owner VARCHAR(128), 
	lease_until TIMESTAMP WITH TIME ZONE, 
	last_attempt_at TIMESTAMP WITH TIME ZONE, 
	last_success_at TIMESTAMP WITH TIME ZONE, 
	last_status VARCHAR(64), 
	consecutive_errors INTEGER NOT NULL, 
	last_error VARCHAR(1024), 
	parked BOOLEAN NOT NULL, 
	items_seen INTEGER NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_ingest_feed_next_check_at ON ingest_feed (next_check_at);

CREATE UNIQUE INDEX ix_ingest_feed_url ON ingest_feed (url);

CREATE TABLE ingest_seen_item (
	item_id VARCHAR(64) NOT NULL, 
	feed_id INTEGER NOT NULL, 
	first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	claimed_by VARCHAR(128), 
	claimed_at TIMESTAMP WITH TIME ZONE, 
	published_at TIMESTAMP WITH TIME ZONE, 
	PRIMARY KEY (item_id)
);

CREATE INDEX ix_ingest_seen_item_feed_id ON ingest_seen_item (feed_id);

CREATE TABLE notify_api_token (
	id SERIAL NOT NULL, 
	key_id VARCHAR(32) NOT NULL, 
	name VARCHAR(128) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	revoked_at TIMESTAMP WITH TIME ZONE, 
	PRIMARY KEY (id), 
	UNIQUE (key_id)
);

CREATE TABLE notify_delivery (
	id SERIAL NOT NULL, 
	subscription_id INTEGER NOT NULL, 
	item_id VARCHAR(160) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	attempts INTEGER NOT NULL, 
	next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	last_error VARCHAR(1024), 
	payload TEXT NOT NULL, 
	batch_id INTEGER, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	sent_at TIMESTAMP WITH TIME ZONE, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_delivery_sub_item UNIQUE (subscription_id, item_id)
);

CREATE INDEX ix_delivery_due ON notify_delivery (status, next_attempt_at);

CREATE INDEX ix_notify_delivery_batch_id ON notify_delivery (batch_id);

CREATE INDEX ix_notify_delivery_subscription_id ON notify_delivery (subscription_id);

CREATE TABLE notify_subscription (
	id SERIAL NOT NULL, 
	owner VARCHAR(64) NOT NULL, 
	topics JSON NOT NULL, 
	channel VARCHAR(32) NOT NULL, 
	target VARCHAR(2048) NOT NULL, 
	target_encrypted TEXT, 
	secret_encrypted TEXT, 
	previous_secret_encrypted TEXT, 
	previous_secret_expires_at TIMESTAMP WITH TIME ZONE, 
	min_score FLOAT NOT NULL, 
	countries JSON NOT NULL, 
	entities JSON NOT NULL, 
	feeds JSON NOT NULL, 
	languages JSON NOT NULL, 
	mode VARCHAR(16) NOT NULL, 
	digest_interval_minutes INTEGER, 
	timezone VARCHAR(64) NOT NULL, 
	quiet_start VARCHAR(5), 
	quiet_end VARCHAR(5), 
	active BOOLEAN NOT NULL, 
	disabled_reason VARCHAR(512), 
	requires_confirmation BOOLEAN NOT NULL, 
	confirmed_at TIMESTAMP WITH TIME ZONE, 
	link_key VARCHAR(32) NOT NULL, 
	created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_notify_subscription_owner ON notify_subscription (owner);
