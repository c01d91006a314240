-- Authentication caches (server/modules/identity/auth-cache.ts) are told when what authentication
-- reads changes: a revoked session or token, a user's profile or status, role grants, an
-- organisation's status or name, a region's name or path. One NOTIFY per statement, delivered on
-- commit to every listening process, which then forgets what it cached. (A session's sliding expiry
-- only extends it, so that write, once a minute per session, notifies no one.)
CREATE OR REPLACE FUNCTION jq_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jq_auth', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OF revoked_at OR DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_changed AFTER UPDATE OF revoked_at, expires_at, scopes, user_id OR DELETE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OF email, name, locale, disabled, password_hash OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
--> statement-breakpoint
CREATE TRIGGER role_assignments_auth_changed AFTER INSERT OR UPDATE OR DELETE ON role_assignments FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
--> statement-breakpoint
CREATE TRIGGER organizations_auth_changed AFTER UPDATE OF status, name OR DELETE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
--> statement-breakpoint
CREATE TRIGGER regions_auth_changed AFTER UPDATE OF name, path OR DELETE ON regions FOR EACH STATEMENT EXECUTE FUNCTION jq_auth_changed();
