{{/*
What every Marquee pod shares: security contexts, probes, /tmp, the Kafka CA and scheduling. The security settings are
not values: they are what makes the chart safe to run, and the services need nothing more (they write only to /tmp).
*/}}

{{- define "marquee.podSecurityContext" -}}
runAsNonRoot: true
{{- with .Values.podSecurityContext.runAsUser }}
runAsUser: {{ . }}
{{- end }}
{{- with .Values.podSecurityContext.runAsGroup }}
runAsGroup: {{ . }}
{{- end }}
{{- with .Values.podSecurityContext.fsGroup }}
fsGroup: {{ . }}
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "marquee.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* SmallRye Health: started (startup), live (liveness), ready (readiness: what each service needs to serve). */}}
{{- define "marquee.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 24
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{- define "marquee.kafkaCaMounted" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret -}}true{{- end -}}
{{- end -}}

{{- define "marquee.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if include "marquee.kafkaCaMounted" . }}
- name: kafka-ca
  mountPath: /etc/marquee/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "marquee.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- if include "marquee.kafkaCaMounted" . }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret }}
    items:
      - key: {{ .Values.kafka.tls.caSecretKey }}
        path: ca.crt
{{- end }}
{{- end -}}

{{/* Default spread: over nodes and zones, best effort (a small cluster still schedules every replica). */}}
{{- define "marquee.topologySpreadConstraints" -}}
{{- $values := index .ctx.Values (include "marquee.componentKey" .) -}}
{{- if $values.topologySpreadConstraints -}}
{{ toYaml $values.topologySpreadConstraints }}
{{- else -}}
{{- range list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
- maxSkew: 1
  topologyKey: {{ . }}
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "marquee.selectorLabels" $ | nindent 6 }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* Values key of a component: gateway -> gateway, campaign-service -> campaignService. */}}
{{- define "marquee.componentKey" -}}
{{- (index (include "marquee.components" .ctx | fromYaml) .component).key -}}
{{- end -}}
