#!/usr/bin/env bash
# Issue a TLS certificate for a domain AND an IP address from the homelab CA.
#
#   script.sh issue  --name NAME --domain DOMAIN --ip IP [--namespace NS] [--issuer homelab-ca-issuer]
#                    [--issuer-kind ClusterIssuer] [--out DIR] [--timeout 120s]
#       key + CSR (openssl, SANs DNS:DOMAIN and IP:IP) -> cert-manager CertificateRequest -> wait Ready
#       -> fetch certificate and CA -> verify that key and certificate match.
#   script.sh local  --name NAME --domain DOMAIN --ip IP --ca-cert CA.crt --ca-key CA.key [--out DIR]
#       the same, but signs with a local CA key instead of cert-manager (offline, used by the tests).
#   script.sh manifest --name NAME --csr FILE [--namespace NS] [--issuer ...] [--issuer-kind ...]
#       print the CertificateRequest for an existing CSR.
#   script.sh verify --key KEY --cert CERT [--ca-cert CA.crt]
#
# Files in --out (default ./out): NAME.key (0600), NAME.csr, NAME.crt and, from cert-manager, ca.crt.
set -euo pipefail

NAME="" DOMAIN="" IP="" NAMESPACE="cert-manager" ISSUER="homelab-ca-issuer" ISSUER_KIND="ClusterIssuer"
OUT="./out" TIMEOUT="120s" CA_CERT="" CA_KEY="" CSR="" KEY="" CERT="" DAYS="825"

die() {
  echo "error: $*" >&2
  exit 2
}

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

valid_ipv4() {
  local ip="$1" part
  [[ "$ip" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || return 1
  IFS=. read -r -a parts <<<"$ip"
  for part in "${parts[@]}"; do
    ((10#$part <= 255)) || return 1
  done
}

valid_domain() {
  [[ "$1" =~ ^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$ ]]
}

require_args() {
  local missing=() flag
  for flag in "$@"; do
    case "$flag" in
      --name) [[ -n "$NAME" ]] || missing+=("$flag") ;;
      --domain) [[ -n "$DOMAIN" ]] || missing+=("$flag") ;;
      --ip) [[ -n "$IP" ]] || missing+=("$flag") ;;
      --ca-cert) [[ -n "$CA_CERT" ]] || missing+=("$flag") ;;
      --ca-key) [[ -n "$CA_KEY" ]] || missing+=("$flag") ;;
      --csr) [[ -n "$CSR" ]] || missing+=("$flag") ;;
      --key) [[ -n "$KEY" ]] || missing+=("$flag") ;;
      --cert) [[ -n "$CERT" ]] || missing+=("$flag") ;;
    esac
  done
  ((${#missing[@]} == 0)) || die "missing required option(s): ${missing[*]}"
  if [[ -n "$NAME" && ! "$NAME" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]]; then
    die "--name must be a DNS-1123 label ([a-z0-9-], max 63), got '$NAME'"
  fi
  if [[ -n "$DOMAIN" ]] && ! valid_domain "$DOMAIN"; then die "--domain is not a valid DNS name: '$DOMAIN'"; fi
  if [[ -n "$IP" ]] && ! valid_ipv4 "$IP"; then die "--ip is not a valid IPv4 address: '$IP'"; fi
  return 0
}

# Writes $OUT/$NAME.key (EC P-256) and $OUT/$NAME.csr with SANs DNS:$DOMAIN, IP:$IP.
make_key_and_csr() {
  mkdir -p "$OUT"
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/$NAME.key")
  openssl req -new -key "$OUT/$NAME.key" -out "$OUT/$NAME.csr" \
    -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN,IP:$IP" \
    -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
    -addext "extendedKeyUsage=serverAuth"
}

# Signs $OUT/$NAME.csr with a local CA, copying the SANs of the request.
sign_locally() {
  local ext
  ext="$(mktemp)"
  printf 'subjectAltName=DNS:%s,IP:%s\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nbasicConstraints=critical,CA:FALSE\n' \
    "$DOMAIN" "$IP" >"$ext"
  openssl x509 -req -in "$OUT/$NAME.csr" -CA "$CA_CERT" -CAkey "$CA_KEY" -CAcreateserial \
    -out "$OUT/$NAME.crt" -days "$DAYS" -sha256 -extfile "$ext" 2>/dev/null
  rm -f "$ext"
  cp "$CA_CERT" "$OUT/ca.crt"
}

# Prints a cert-manager CertificateRequest for CSR file $1.
certificate_request() {
  local csr_b64
  csr_b64="$(base64 <"$1" | tr -d '\n')"
  cat <<YAML
apiVersion: cert-manager.io/v1
kind: CertificateRequest
metadata:
  name: $NAME
  namespace: $NAMESPACE
spec:
  request: $csr_b64
  isCA: false
  usages: [digital signature, key encipherment, server auth]
  duration: 2160h
  issuerRef:
    name: $ISSUER
    kind: $ISSUER_KIND
    group: cert-manager.io
YAML
}

issue_with_cert_manager() {
  command -v kubectl >/dev/null || die "kubectl is required for 'issue' (use 'local' to sign offline)"
  certificate_request "$OUT/$NAME.csr" | kubectl apply -f -
  kubectl -n "$NAMESPACE" wait "certificaterequest/$NAME" --for=condition=Ready --timeout="$TIMEOUT"
  kubectl -n "$NAMESPACE" get "certificaterequest/$NAME" -o jsonpath='{.status.certificate}' | base64 -d >"$OUT/$NAME.crt"
  kubectl -n "$NAMESPACE" get "certificaterequest/$NAME" -o jsonpath='{.status.ca}' | base64 -d >"$OUT/ca.crt"
  [[ -s "$OUT/$NAME.crt" ]] || die "cert-manager returned no certificate for $NAMESPACE/$NAME"
}

pubkey_digest() {
  openssl pkey -pubout -outform DER "$@" | openssl dgst -sha256 | awk '{print $NF}'
}

# Exit 0 when the private key $1 belongs to certificate $2 (and, with $3, the CA $3 signed it).
verify_pair() {
  local key_digest cert_digest
  key_digest="$(pubkey_digest -in "$1")"
  cert_digest="$(openssl x509 -in "$2" -noout -pubkey | pubkey_digest -pubin)"
  if [[ "$key_digest" != "$cert_digest" ]]; then
    echo "error: key $1 does not match certificate $2" >&2
    return 1
  fi
  if [[ -n "${3:-}" ]]; then
    openssl verify -CAfile "$3" "$2" >/dev/null || { echo "error: $2 is not signed by $3" >&2; return 1; }
  fi
  echo "ok: key matches certificate $2"
}

parse_args() {
  while (($#)); do
    case "$1" in
      --name) NAME="${2:-}"; shift 2 ;;
      --domain) DOMAIN="${2:-}"; shift 2 ;;
      --ip) IP="${2:-}"; shift 2 ;;
      --namespace) NAMESPACE="${2:-}"; shift 2 ;;
      --issuer) ISSUER="${2:-}"; shift 2 ;;
      --issuer-kind) ISSUER_KIND="${2:-}"; shift 2 ;;
      --out) OUT="${2:-}"; shift 2 ;;
      --timeout) TIMEOUT="${2:-}"; shift 2 ;;
      --ca-cert) CA_CERT="${2:-}"; shift 2 ;;
      --ca-key) CA_KEY="${2:-}"; shift 2 ;;
      --csr) CSR="${2:-}"; shift 2 ;;
      --key) KEY="${2:-}"; shift 2 ;;
      --cert) CERT="${2:-}"; shift 2 ;;
      --days) DAYS="${2:-}"; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option '$1' (see --help)" ;;
    esac
  done
}

main() {
  local mode="${1:-}"
  (($#)) && shift
  parse_args "$@"
  case "$mode" in
    issue)
      require_args --name --domain --ip
      make_key_and_csr
      issue_with_cert_manager
      verify_pair "$OUT/$NAME.key" "$OUT/$NAME.crt" "$OUT/ca.crt"
      ;;
    local)
      require_args --name --domain --ip --ca-cert --ca-key
      make_key_and_csr
      sign_locally
      verify_pair "$OUT/$NAME.key" "$OUT/$NAME.crt" "$OUT/ca.crt"
      ;;
    manifest)
      require_args --name --csr
      certificate_request "$CSR"
      ;;
    verify)
      require_args --key --cert
      verify_pair "$KEY" "$CERT" "$CA_CERT"
      ;;
    -h | --help | help) usage ;;
    *) die "unknown mode '${mode}': use issue, local, manifest or verify" ;;
  esac
}

main "$@"
