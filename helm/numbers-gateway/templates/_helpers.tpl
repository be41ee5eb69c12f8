{{- define "numbers-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "numbers-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "numbers-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "numbers-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "numbers-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "numbers-gateway.labels" -}}
helm.sh/chart: {{ include "numbers-gateway.chart" . }}
{{ include "numbers-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "numbers-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "numbers-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The shared-state store, refusing a setup where replicas would each keep their own idempotency keys, quotas and
429 closures (a retried order could be bought twice). The sandbox keeps its numbers per pod anyway.
*/}}
{{- define "numbers-gateway.stateStore" -}}
{{- $several := or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) -}}
{{- if and (eq .Values.state.store "memory") $several (not .Values.sandbox.enabled) (not .Values.state.allowMemoryWithReplicas) -}}
{{- fail "state.store is memory but several replicas run (replicaCount > 1 or autoscaling.enabled): each would keep its own Idempotency-Keys, quotas and Bandwidth 429s, so a retried order could be bought twice. Set state.store=redis and state.redis.url, or state.allowMemoryWithReplicas=true if that is meant." -}}
{{- end -}}
{{- if and (eq .Values.state.store "redis") (not .Values.state.redis.url) -}}
{{- fail "state.store is redis but state.redis.url is empty: set it to redis://host:6379 (or rediss:// for TLS)" -}}
{{- end -}}
{{- if and (eq .Values.state.store "redis") (urlParse .Values.state.redis.url).userinfo -}}
{{- fail "state.redis.url carries credentials: keep the password in a Secret and name it in state.redis.existingSecret" -}}
{{- end -}}
{{- .Values.state.store -}}
{{- end }}
