# Gương Sáng — English.
# String arguments are HTML-escaped automatically; use only <b>, <i>, <code> in messages.

app-name = Gương Sáng
app-tagline = Discover, nurture, sum up and spread the stories of good people and good deeds.

## Start-up (shown on the operator's screen)

setup-no-token =
    Gương Sáng's data is ready, but there is no Telegram bot token yet, so it cannot chat.
    { $fields } fields, { $criteria } criteria, { $movements } movements and { $units } units are in the database { $database }.
    To run the bot:
      1. Open @BotFather on Telegram, send /newbot and follow the steps to get a bot token.
      2. Copy .env.example to .env and set TELEGRAM_BOT_TOKEN=<the token>.
      3. Run again: npm start
    To try it on this machine without Telegram: run npm run emulator in another window and follow what it prints.
setup-database-error =
    Could not open the database { $database }.
    Reason: { $reason }
    Check DATABASE_URL in .env (SQLite: file:./data/guong-sang.db; PostgreSQL: postgresql://user@host:5432/dbname).
setup-migrated = Database structure updated: { $names }.
setup-seeded = Reference data loaded: { $fields } fields, { $criteria } criteria, { $movements } movements, { $units } units.
setup-starting = Gương Sáng is connecting to Telegram at { $apiRoot }…
setup-stopping = Stopping Gương Sáng…

## Nomination status

status-DRAFT = Draft
status-CANCELLED = Cancelled
status-SUBMITTED = Submitted, waiting for review
status-IN_REVIEW = In review
status-NEEDS_INFO = More information needed
status-APPROVED = Approved
status-PUBLISHED = Published
status-REJECTED = Not approved
status-WITHDRAWN = Withdrawn

## Who is nominated

nominee-kind-INDIVIDUAL = Individual
nominee-kind-COLLECTIVE = Collective
nominee-kind-HOUSEHOLD = Household
nominee-kind-ENTERPRISE = Enterprise
