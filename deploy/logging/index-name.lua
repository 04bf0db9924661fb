-- Fluent-bit Lua filter: names the Elasticsearch index "<prefix>-<app>-YYYY.MM.DD" from the tag and
-- the record's timestamp (UTC). Tags: "internal.<app>" (services, Forward input) -> <app>;
-- any other tag "a.b.c" -> "b-c" (e.g. "host.syslog" -> "syslog"); a one-word tag is used as is.
-- The prefix comes from ES_INDEX_PREFIX (default "streamforge"). Index names are lower case and only
-- [a-z0-9-]; an empty app becomes "unknown".
-- (The seed's version had the broken pattern "^internal.(.*)$)" - unbalanced and with an unescaped dot.)

local DEFAULT_PREFIX = "streamforge"

local function sanitize(s)
  s = string.lower(s or "")
  s = string.gsub(s, "[^a-z0-9%-]+", "-")
  s = string.gsub(s, "%-%-+", "-")
  s = string.gsub(s, "^%-+", "")
  s = string.gsub(s, "%-+$", "")
  if s == "" then
    return "unknown"
  end
  return s
end

function app_from_tag(tag)
  local app = string.match(tag or "", "^internal%.(.*)$")
  if app == nil then
    local rest = string.match(tag or "", "^[^%.]+%.(.+)$")
    app = rest or tag
  end
  return sanitize(string.gsub(app or "", "%.", "-"))
end

local function seconds(timestamp)
  if type(timestamp) == "table" then
    return math.floor(tonumber(timestamp.sec) or 0)
  end
  return math.floor(tonumber(timestamp) or 0)
end

function index_name(tag, timestamp, prefix)
  local p = sanitize(prefix or os.getenv("ES_INDEX_PREFIX") or DEFAULT_PREFIX)
  local prefix_app = p .. "-" .. app_from_tag(tag)
  return prefix_app .. "-" .. os.date("!%Y.%m.%d", seconds(timestamp)), prefix_app
end

-- Entry point for [FILTER] Name lua / call set_index. Return code 2: record changed, timestamp kept.
function set_index(tag, timestamp, record)
  local full, prefix_app = index_name(tag, timestamp, nil)
  record["es_index"] = full
  record["es_index_prefix"] = prefix_app
  return 2, timestamp, record
end
