CREATE TABLE "rate_limit_buckets" (
	"account" text NOT NULL,
	"operation" text NOT NULL,
	"tokens" double precision NOT NULL,
	"capacity" double precision NOT NULL,
	"rate_per_second" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "rate_limit_buckets_account_operation_pk" PRIMARY KEY("account","operation")
);
