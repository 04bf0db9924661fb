{{/* Common names and labels. */}}
{{- define "sf.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sf.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: streamforge
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "sf.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Upper-snake env suffix of a service name: loader-api-candles -> LOADER_API_CANDLES */}}
{{- define "sf.envName" -}}
{{- . | upper | replace "-" "_" -}}
{{- end -}}

{{/* <registry>/<name>:<tag>, or <registry>/<name>:<tag>@<digest> when services.<name>.image.digest is set
(the digest pins the image; the tag stays for people reading the manifest). */}}
{{- define "sf.image" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "%s/%s:%s" .root.Values.global.imageRegistry .name $svc.image.tag -}}
{{- with $svc.image.digest }}@{{ . }}{{ end -}}
{{- end -}}

{{/* The secret files of a service: its secretFiles, plus the PostgreSQL CA file when it uses PostgreSQL
and database.postgres.sslRootCert is on. Output: a JSON list. */}}
{{- define "sf.secretFiles" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v.services .name -}}
{{- $files := $svc.secretFiles | default list -}}
{{- if and (has "postgres-password" $files) $v.database.postgres.sslRootCert -}}
{{- $files = append $files "postgres-ca.crt" -}}
{{- end -}}
{{- toJson $files -}}
{{- end -}}

{{- define "sf.secretVolumeName" -}}
{{- printf "%s-secrets" .name -}}
{{- end -}}

{{/* Environment every StreamForge container gets. Secrets only as *_FILE paths. */}}
{{- define "sf.env" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v.services .name -}}
{{- $dir := $v.secrets.mountPath -}}
- name: HTTP_PORT
  value: "8080"
- name: JAVA_TOOL_OPTIONS
  value: {{ $v.javaToolOptions | quote }}
- name: HOME
  value: /tmp
- name: SERVICE_NAME
  value: {{ .name }}
{{- /* each group only for the services that read it (services/<name>.secretFiles says which);
     deploy's ServiceContractTest checks every container against the service registry */}}
{{- if has "kafka-password" $svc.secretFiles }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $v.kafka.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $v.kafka.securityProtocol }}
{{- end }}
{{- if and (has "kafka-password" $svc.secretFiles) (eq $v.kafka.securityProtocol "SASL_SSL") }}
- name: KAFKA_SASL_USERNAME
  value: {{ printf "%s%s" $v.kafka.userPrefix .name }}
- name: KAFKA_SASL_PASSWORD_FILE
  value: {{ $dir }}/kafka-password
- name: KAFKA_SSL_CA_FILE
  value: {{ $dir }}/kafka-ca.crt
{{- end }}
{{- if or (has "postgres-password" $svc.secretFiles) (has "arango-password" $svc.secretFiles) }}
- name: DB_KIND
  value: {{ $v.database.kind }}
{{- end }}
{{- if has "postgres-password" $svc.secretFiles }}
- name: POSTGRES_JDBC_URL
  value: {{ $v.database.postgres.jdbcUrl | quote }}
- name: POSTGRES_USER
  value: {{ $v.database.postgres.user | quote }}
- name: POSTGRES_PASSWORD_FILE
  value: {{ $dir }}/postgres-password
{{- with $v.database.postgres.sslMode }}
- name: POSTGRES_SSL_MODE
  value: {{ . | quote }}
{{- end }}
{{- if $v.database.postgres.sslRootCert }}
- name: POSTGRES_SSL_ROOT_CERT_FILE
  value: {{ $dir }}/postgres-ca.crt
{{- end }}
{{- end }}
{{- if has "arango-password" $svc.secretFiles }}
- name: ARANGO_URL
  value: {{ $v.database.arango.url | quote }}
- name: ARANGO_USER
  value: {{ $v.database.arango.user | quote }}
- name: ARANGO_PASSWORD_FILE
  value: {{ $dir }}/arango-password
{{- end }}
{{- if has "s3-access-key" $svc.secretFiles }}
- name: S3_ENDPOINT
  value: {{ $v.s3.endpoint | quote }}
- name: S3_BUCKET
  value: {{ $v.s3.bucket | quote }}
- name: S3_ACCESS_KEY_FILE
  value: {{ $dir }}/s3-access-key
- name: S3_SECRET_KEY_FILE
  value: {{ $dir }}/s3-secret-key
{{- end }}
{{- if hasPrefix "loader-" .name }}
- name: BINANCE_BASE_URL
  value: {{ $v.binance.baseUrl | quote }}
- name: BINANCE_WEIGHT_LIMIT
  value: {{ $v.binance.weightLimit | quote }}
{{- end }}
{{- if eq .name "loader-ws" }}
{{- /* explicit, so a Job's loader-ws can be pointed elsewhere too (found by the rehearsal); live.wsUrl overrides */}}
- name: BINANCE_WS_URL
  value: {{ .wsUrl | default $v.binance.wsUrl | quote }}
{{- end }}
{{- if eq .name "queue-manager" }}
{{- /* the symbols a pipeline may name come from the exchange the loaders load from (found by the rehearsal) */}}
- name: BINANCE_BASE_URL
  value: {{ $v.binance.baseUrl | quote }}
{{- end }}
{{- if $v.logging.fluentHost }}
- name: FLUENT_HOST
  value: {{ $v.logging.fluentHost | quote }}
- name: FLUENT_PORT
  value: {{ $v.logging.fluentPort | quote }}
{{- end }}
{{- end -}}

{{/* Volumes: secrets as files (CSI from Vault, or a pre-created Secret), writable /tmp, optional cache. */}}
{{- define "sf.volumes" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v.services .name -}}
- name: tmp
  emptyDir: {sizeLimit: 1Gi}
- name: {{ include "sf.secretVolumeName" . }}
{{- if eq $v.secrets.provider "vault" }}
  csi:
    driver: secrets-store.csi.k8s.io
    readOnly: true
    volumeAttributes:
      secretProviderClass: {{ include "sf.fullname" . }}
{{- else }}
  secret:
    secretName: {{ printf "%s%s" $v.secrets.existingSecretPrefix .name }}
    defaultMode: 0440
    items:
{{- range (include "sf.secretFiles" . | fromJsonArray) }}
      - {key: {{ . }}, path: {{ . }}}
{{- end }}
{{- end }}
{{- if and $v.persistence.cache.enabled (has .name $v.persistence.cache.users) }}
- name: cache
  persistentVolumeClaim:
    claimName: {{ .root.Release.Name }}-cache
{{- end }}
{{- end -}}

{{- define "sf.volumeMounts" -}}
{{- $v := .root.Values -}}
- name: tmp
  mountPath: /tmp
- name: {{ include "sf.secretVolumeName" . }}
  mountPath: {{ $v.secrets.mountPath }}
  readOnly: true
{{- if and $v.persistence.cache.enabled (has .name $v.persistence.cache.users) }}
- name: cache
  mountPath: {{ $v.persistence.cache.mountPath }}
{{- end }}
{{- end -}}

{{- define "sf.probes" -}}
startupProbe:
  httpGet: {path: /health/startup, port: http}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /health/live, port: http}
  periodSeconds: 15
  failureThreshold: 4
{{- if not .job }}
readinessProbe:
  httpGet: {path: /health/ready, port: http}
  periodSeconds: 10
  failureThreshold: 3
{{- end }}
{{- end -}}

{{/*
Pod spec shared by Deployments and worker Job templates.
Input: dict root name job(bool) serviceAccount extraEnv(list) [wsUrl: loader-ws's BINANCE_WS_URL]
*/}}
{{- define "sf.podSpec" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v.services .name -}}
{{- $gpu := and $svc.gpu $svc.gpu.enabled -}}
serviceAccountName: {{ .serviceAccount }}
automountServiceAccountToken: {{ eq .name "queue-manager" }}
{{- if .job }}
restartPolicy: Never
{{- end }}
{{- if and $gpu $svc.gpu.runtimeClassName }}
runtimeClassName: {{ $svc.gpu.runtimeClassName }}
{{- end }}
securityContext:
  {{- toYaml $v.podSecurityContext | nindent 2 }}
{{- with $v.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- $ns := merge (dict) ($svc.nodeSelector | default dict) $v.global.nodeSelector }}
{{- with $ns }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- $tol := concat ($v.global.tolerations | default list) ($svc.tolerations | default list) }}
{{- with $tol }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: {{ .name }}
    image: {{ include "sf.image" . }}
    imagePullPolicy: {{ $v.global.imagePullPolicy }}
    ports:
      - {name: http, containerPort: 8080, protocol: TCP}
    env:
      {{- include "sf.env" . | nindent 6 }}
      {{- with .extraEnv }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
    {{- include "sf.probes" . | nindent 4 }}
    resources:
      {{- $res := deepCopy $svc.resources }}
      {{- if $gpu }}
      {{- $_ := set $res "limits" (merge (dict "nvidia.com/gpu" ($svc.gpu.count | toString)) ($res.limits | default dict)) }}
      {{- end }}
      {{- toYaml $res | nindent 6 }}
    securityContext:
      {{- toYaml $v.containerSecurityContext | nindent 6 }}
    volumeMounts:
      {{- include "sf.volumeMounts" . | nindent 6 }}
volumes:
  {{- include "sf.volumes" . | nindent 2 }}
{{- end -}}

{{/* NetworkPolicy egress rule to a namespace (+ pod labels). Input: dict peer(namespace, podLabels) ports */}}
{{- define "sf.npPeer" -}}
- to:
    - namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: {{ .peer.namespace }}}
{{- with .peer.podLabels }}
      podSelector:
        matchLabels: {{ toJson . }}
{{- end }}
  ports:
{{- range .ports }}
    - {port: {{ . }}, protocol: TCP}
{{- end }}
{{- end -}}

{{/* NetworkPolicy egress rule to CIDRs. Input: dict cidrs ports */}}
{{- define "sf.npCidrs" -}}
- to:
{{- range .cidrs }}
    - ipBlock: {cidr: {{ . }}}
{{- end }}
  ports:
{{- range .ports }}
    - {port: {{ . }}, protocol: TCP}
{{- end }}
{{- end -}}

{{/* OIDC_* of the HTTP services (queue-manager, visualizer), as a YAML list of env entries. */}}
{{- define "sf.oidcEnv" -}}
- {name: OIDC_ISSUER_URL, value: {{ .Values.oidc.issuerUrl | quote }}}
- {name: OIDC_AUDIENCE, value: {{ .Values.oidc.audience | quote }}}
- {name: OIDC_CLIENT_ID, value: {{ .Values.oidc.clientId | quote }}}
{{- end -}}
