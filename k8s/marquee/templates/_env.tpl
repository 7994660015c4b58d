{{/*
Environment of each service, Quarkus style (QUARKUS_DATASOURCE_REACTIVE_URL = quarkus.datasource.reactive.url, and
KAFKA_* = kafka.* for every channel). Credentials only ever come from secretKeyRef.
*/}}

{{/* Kafka: every service. */}}
{{- define "marquee.env.kafka" -}}
{{- $kafka := .Values.kafka -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka.bootstrapServers | quote }}
{{- $protocol := "" -}}
{{- if and $kafka.sasl.mechanism $kafka.tls.enabled -}}
{{- $protocol = "SASL_SSL" -}}
{{- else if $kafka.sasl.mechanism -}}
{{- $protocol = "SASL_PLAINTEXT" -}}
{{- else if $kafka.tls.enabled -}}
{{- $protocol = "SSL" -}}
{{- end }}
{{- with $protocol }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ . }}
{{- end }}
{{- if $kafka.sasl.mechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism | quote }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ $kafka.sasl.existingSecret | quote }}
      key: {{ $kafka.sasl.existingSecretJaasKey | quote }}
{{- end }}
{{- if include "marquee.kafkaCaMounted" . }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/marquee/kafka-ca/ca.crt
{{- end }}
{{- end -}}

{{/* PostgreSQL. Usage: include "marquee.env.postgresql" (dict "ctx" $ "database" "marquee_campaign") */}}
{{- define "marquee.env.postgresql" -}}
{{- $pg := .ctx.Values.postgresql -}}
{{- $address := printf "%s:%d/%s" $pg.host (int $pg.port) .database -}}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s" $address | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s" $address | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ $pg.username | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $pg.existingSecret | quote }}
      key: {{ $pg.existingSecretPasswordKey | quote }}
{{- end -}}

{{/* Redis: one URL (standalone) or every seed node (cluster); nothing when no node is configured. */}}
{{- define "marquee.env.redis" -}}
{{- $redis := .Values.redis -}}
{{- if $redis.nodes -}}
{{- $scheme := ternary "rediss" "redis" $redis.tls -}}
{{- $urls := list -}}
{{- range $redis.nodes -}}
{{- $urls = append $urls (printf "%s://%s" $scheme .) -}}
{{- end -}}
- name: QUARKUS_REDIS_HOSTS
  value: {{ join "," $urls | quote }}
{{- if eq $redis.mode "cluster" }}
- name: QUARKUS_REDIS_CLIENT_TYPE
  value: cluster
{{- end }}
{{- if $redis.existingSecret }}
- name: QUARKUS_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $redis.existingSecret | quote }}
      key: {{ $redis.existingSecretPasswordKey | quote }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* The keys of the gateway's signed assertions: the gateway signs with them, the services verify. Every service. */}}
{{- define "marquee.env.trust" -}}
- name: MARQUEE_TRUST_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ .Values.trust.existingSecret | quote }}
      key: {{ .Values.trust.existingSecretKey | quote }}
{{- end -}}

{{- define "marquee.env.gateway" -}}
{{- range $component := list "campaign" "segment" "delivery" "results" }}
{{- $service := printf "%s-service" $component }}
- name: {{ printf "MARQUEE_GATEWAY_%s_URL" (upper $component) }}
  value: {{ printf "http://%s:%d" (include "marquee.componentName" (dict "ctx" $ "component" $service)) (int (index (include "marquee.components" $ | fromYaml) $service).port) | quote }}
{{- end }}
- name: MARQUEE_GATEWAY_OPERATOR_TOKEN_SHA256
  valueFrom:
    secretKeyRef:
      name: {{ .Values.gateway.operatorToken.existingSecret | quote }}
      key: {{ .Values.gateway.operatorToken.existingSecretKey | quote }}
{{ include "marquee.env.redis" . }}
{{- end -}}

{{- define "marquee.env.campaign-service" -}}
{{ include "marquee.env.postgresql" (dict "ctx" . "database" .Values.postgresql.databases.campaign) }}
{{- end -}}

{{- define "marquee.env.segment-service" -}}
{{ include "marquee.env.postgresql" (dict "ctx" . "database" .Values.postgresql.databases.segment) }}
{{ include "marquee.env.redis" . }}
{{- end -}}

{{- define "marquee.env.delivery-service" -}}
{{ include "marquee.env.redis" . }}
{{- end -}}

{{/* results-service: its own database (schema `results`, Flyway at start); no Redis. */}}
{{- define "marquee.env.results-service" -}}
{{ include "marquee.env.postgresql" (dict "ctx" . "database" .Values.postgresql.databases.results) }}
{{- end -}}
