-- Fluent-bit Lua filter (the seed's contract): entry point cb_set_index, which sets the record field
-- log_index = "<tag part 1>-<tag part 2>-<yyyy.MM.dd>" with the date of the record's timestamp in UTC
-- (Fluent-bit passes it as a table {sec=, nsec=} or as a number of seconds). A tag with fewer than two
-- non-empty parts gives "unknown-unknown-<date>". Services forward their logs with tag
-- "internal.<service>" (libs/runtime FluentSettings.tagFor), so their index is "internal-<service>-<date>";
-- the host tails use "host.<file>" -> "host-<file>-<date>". Tag parts are lower-cased and every
-- character outside [a-z0-9_-] becomes "-" (Elasticsearch index names are lower case).
-- The filter also sets log_index_prefix (log_index without "-<date>"): the es output of released
-- Fluent-bit versions cannot take a whole index name from a record field, only a prefix
-- (Logstash_Prefix_Key) to which it appends "-" and the same UTC date, so the written index is log_index.

local function part(s)
  s = string.lower(s or "")
  s = string.gsub(s, "[^a-z0-9_%-]", "-")
  return s
end

local function seconds(timestamp)
  if type(timestamp) == "table" then
    return math.floor(tonumber(timestamp.sec) or 0)
  end
  return math.floor(tonumber(timestamp) or 0)
end

-- "<part 1>-<part 2>" of a tag, or "unknown-unknown" when it has fewer than two non-empty parts.
function index_prefix(tag)
  local first, second = string.match(tag or "", "^([^%.]+)%.([^%.]+)")
  if first == nil or second == nil then
    return "unknown-unknown"
  end
  return part(first) .. "-" .. part(second)
end

function index_name(tag, timestamp)
  local prefix = index_prefix(tag)
  return prefix .. "-" .. os.date("!%Y.%m.%d", seconds(timestamp)), prefix
end

-- Entry point for [FILTER] Name lua / call cb_set_index. Return code 2: record changed, timestamp kept.
function cb_set_index(tag, timestamp, record)
  local full, prefix = index_name(tag, timestamp)
  record["log_index"] = full
  record["log_index_prefix"] = prefix
  return 2, timestamp, record
end
