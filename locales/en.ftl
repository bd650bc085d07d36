# Trợ lý Thi đua — English.
# Variables are written { $name }. Lines starting with a space continue the message above.

## Shared names

role-admin = Emulation and Commendation Board officer (admin)
role-cluster_head = Cluster/block head
role-liaison = Unit liaison
role-viewer = Leader (read only)

unit-kind-so = Department
unit-kind-ban-nganh = Agency
unit-kind-doan-the = Mass organisation
unit-kind-huyen = District or city
unit-kind-xa = Commune or ward
unit-kind-doanh-nghiep = Enterprise
unit-kind-khac = Other

registration-status = { $status ->
    [none] Not registered
    [draft] Not sent
    [submitted] Awaiting review
    [returned] Returned
   *[approved] Approved
  }

review-action = { $action ->
    [submit] submit
    [approve] approve
   *[return] return
  }

## Configuration

config-invalid = The configuration is invalid, so the program stops. Fix these environment variables (or the .env file):
  { $problems }
config-bad-timezone = not a known IANA time zone, e.g. Asia/Ho_Chi_Minh
config-bad-telegram-token = does not look like a token from @BotFather (123456:ABC…)
config-bad-zalo-app-id = must be the numeric app id
config-got = (got "{ $value }")

## Domain errors

err-registration-transition = A registration that is "{ registration-status }" cannot be { $action ->
    [submit] submitted
    [approve] approved
   *[return] returned
  }.
err-registration-locked = The registration is "{ registration-status }", so it cannot be edited.
err-registration-empty = The registration has no targets yet, so it cannot be sent.
err-registration-unknown = Registration not found.
err-return-needs-reason = Give a reason for returning it, so the unit knows what to fix.
err-target-needs-plan = A quantitative target needs a planned value and a direction (at least / at most).
err-target-unknown = Target not found.
err-area-unknown = That content area does not belong to this movement.
err-unit-unknown = There is no unit with code "{ $code }".
err-invite-needs-unit = An invite for the { $role } role must name a unit (--unit).
err-movement-unknown = There is no movement with code "{ $code }".
err-no-movement = No movement is open yet. Load one first (thidua load-sample or thidua import-movement).

## Checking a movement file (JSON)

def-bad-date = expected a date as YYYY-MM-DD
def-not-a-date = not a real calendar date
def-bad-code = a code uses letters, digits, "-", "_" or "." only
def-quantitative-needs-plan = a quantitative target needs "measure" and "planned"
def-ends-before-start = ends before it starts
def-deadline-outside = the registration deadline must fall within the movement
def-duplicate = { $what ->
    [area] content area number used twice
    [unit] unit code used twice
    [group] group code used twice
   *[period] period code used twice
  }
def-member-twice = unit { $unit } is already a member of { $group }
def-role-not-member = { $unit } is not a member of this group
def-no-area = there is no content area number { $area }
def-unknown-unit = no unit with code { $unit } (neither in the file nor in the database)

## Importing units (CSV, XLSX)

import-missing-column = A "code" or "name" column is missing. Columns found: { $columns }
import-bad-code = unit code "{ $value }" is not valid (plain letters, digits, "-", "_", ".")
import-missing-name = the unit's name is missing
import-duplicate-code = code { $value } was already used on line { $line }
import-missing-kind = the kind of unit is missing and cannot be told from the name
import-bad-kind = unknown kind of unit "{ $value }" (so, ban-nganh, doan-the, huyen, xa, doanh-nghiep, khac)
import-bad-role = unknown role "{ $value }" (head, deputy, or empty)
import-role-without-group = a head/deputy role is given but no cluster/block
import-bad-date = date "{ $value }" is not valid (dd/mm/yyyy)
import-dates-reversed = valid-to is before valid-from
import-two-holders = { $group } already has { $unit } in this role

## The admin command line (thidua)

cli-usage = Usage: thidua <command> [options]   (or: npm run cli -- <command>)
  Commands:
cli-global-options = Options for every command: --json (machine-readable output)  --lang vi|en  --db <file.db>  --help
cli-unknown-command = There is no command "{ $name }".
cli-bad-option = Invalid option: { $detail }
cli-missing-argument = The argument <{ $name }> is missing.
cli-progress = … { $done }/{ $total } done
cli-help-migrate = Create or upgrade the database
cli-help-load-sample = Load the sample movement (Nam Định province, 2020)
cli-help-import-movement = Import a movement definition from JSON (a broken file is refused whole)
cli-help-import-units = Import units, clusters and blocks from a CSV or XLSX file
cli-help-invite = Create a single-use invite code for a unit and role
cli-help-status = Show where a movement's registrations stand
cli-help-backup = Back up the database to a file (also while the bot runs)
cli-option-import-movement-dry-run = Only check the file, write nothing
cli-option-import-units-movement = Code of the movement the clusters belong to (default: the open one)
cli-option-import-units-sheet = Name of the sheet to read (default: the first)
cli-option-import-units-dry-run = Only show what would change, write nothing
cli-option-invite-unit = Unit code, e.g. SNV
cli-option-invite-role = liaison (default), cluster_head, admin or viewer
cli-option-invite-name = Full name of the person invited (optional)
cli-option-invite-days = Days the code stays valid (default 14)
cli-option-status-movement = Movement code (default: the open one)
cli-migrate-done = Database { $path } is ready ({ $count } migrations applied).
cli-file-unreadable = Cannot read the file { $path }.
cli-json-syntax = JSON syntax error at column { $column } ({ $code })
cli-file-refused = The file { $path } was refused and nothing was written. { $count } problems:
cli-file-problem = {"  "}line { $line } [{ $field }]: { $message }
cli-import-valid = The file { $path } is valid (dry run, nothing written).
cli-movement-imported = Imported movement { $code } ({ $change ->
    [created] new
    [updated] updated
   *[unchanged] unchanged
  }): { $areas } content areas, { $periods } reporting periods; units: { $unitsCreated } new, { $unitsUpdated } updated; clusters/blocks: { $groupsCreated } new, { $groupsUpdated } updated; { $targets } sample targets.
cli-table-unsupported-format = { $path } is neither CSV nor XLSX (an old .xls file: open it in Excel and save it as .xlsx).
cli-table-unreadable = Cannot read { $path } (damaged or missing).
cli-table-no-header = { $path } has no header row.
cli-table-duplicate-header = { $path } has a header used twice: { $detail }
cli-sheet-unknown = There is no sheet "{ $sheet }". Sheets: { $sheets }
cli-plan-unit-create = + new unit { $code }: { $name }
cli-plan-unit-update = ~ { $code }: { $field } "{ $before }" → "{ $after }"
cli-plan-group-create = + new cluster/block { $code } ({ $name }): { $members }
cli-plan-group-update = ~ cluster/block { $code } ({ $name }): { $members }
cli-units-dry-run = Dry run: { $created } new units, { $updated } updated, { $same } unchanged, { $groups } clusters/blocks changed. Nothing written.
cli-units-imported = Imported: { $created } new units, { $updated } updated, { $same } unchanged, { $groups } clusters/blocks changed.
cli-bad-role = Role "{ $role }" is not valid. Choose one of: { $roles }
cli-bad-days = "{ $value }" is not a valid number of days (1 to 365).
cli-invite-created = Invite code: { $code }  ({ $role }, unit { $unit }, valid until { $expires }, single use)
cli-invite-link = Telegram link: { $link }
cli-invite-no-link = No Telegram bot is configured: the person sends "/start { "{" }code{ "}" }" to the bot.
cli-invite-no-link-unreachable = Could not ask Telegram for the bot's name just now: the person sends "/start { "{" }code{ "}" }" to the bot.
cli-status-title = { $code } — { $name } (registration deadline { $deadline })
cli-status-total = Whole province
cli-status-by-group = By cluster and block:
cli-status-by-kind = By kind of unit:
cli-status-no-group = (in no cluster/block)
cli-status-line = {"  "}{ $label }: { $units } units — not registered { $none }, not sent { $draft }, awaiting review { $submitted }, returned { $returned }, approved { $approved }, late { $late }
cli-status-late = Late ({ $count }): { $units }
cli-backup-done = Backed up to { $path } ({ $size } KB); the copy passed an integrity check.

## Start-up (npm start)

start-database = Database: { $path } ({ $count } migrations applied).
start-movement = Open movement: { $code } — { $name }.
start-no-movement = No movement yet. Load the sample one: npm run cli -- load-sample
start-telegram-on = Telegram: configured (TELEGRAM_BOT_TOKEN).
start-telegram-off = Telegram: not configured (set TELEGRAM_BOT_TOKEN to turn it on).
start-zalo-on = Zalo OA: configured (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).
start-zalo-off = Zalo OA: not configured (set ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY to turn it on).
start-not-yet = Conversations are not in this version yet; use the admin command line: npm run cli -- help
