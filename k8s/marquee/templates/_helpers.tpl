{{/*
Names, labels and images. Conventions follow bitnami/common, written out here to keep the chart free of dependencies.
*/}}

{{- define "marquee.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-marquee, or just <release> when it already contains the chart name. */}}
{{- define "marquee.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "marquee.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The five services: component name -> values key and HTTP port. The ports are the services' own
quarkus.http.port (see each application.properties); a test keeps them in step.
*/}}
{{- define "marquee.components" -}}
gateway:
  key: gateway
  port: 8080
  managementPort: 9000
campaign-service:
  key: campaignService
  port: 8081
segment-service:
  key: segmentService
  port: 8082
delivery-service:
  key: deliveryService
  port: 8083
results-service:
  key: resultsService
  port: 8084
{{- end -}}

{{/* Name of a component's resources: <fullname>-<component>. Usage: include "marquee.componentName" (dict "ctx" $ "component" "gateway") */}}
{{- define "marquee.componentName" -}}
{{- printf "%s-%s" (include "marquee.fullname" .ctx) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Standard labels of every resource. */}}
{{- define "marquee.labels" -}}
helm.sh/chart: {{ include "marquee.chart" . }}
app.kubernetes.io/name: {{ include "marquee.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: marquee
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Standard labels plus the component. Usage: include "marquee.componentLabels" (dict "ctx" $ "component" "gateway") */}}
{{- define "marquee.componentLabels" -}}
{{ include "marquee.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Immutable selector of a component's pods. */}}
{{- define "marquee.selectorLabels" -}}
app.kubernetes.io/name: {{ include "marquee.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* registry/repository:tag, or registry/repository@digest. Usage: include "marquee.image" (dict "ctx" $ "image" .Values.gateway.image) */}}
{{- define "marquee.image" -}}
{{- $registry := .ctx.Values.image.registry | trimSuffix "/" -}}
{{- if .image.digest -}}
{{- printf "%s/%s@%s" $registry .image.repository .image.digest -}}
{{- else -}}
{{- printf "%s/%s:%s" $registry .image.repository (include "marquee.imageTag" .ctx) -}}
{{- end -}}
{{- end -}}

{{- define "marquee.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{- define "marquee.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "marquee.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Label that lets a pod reach the gateway when networkPolicy.allowExternal is false (the chart test pod has it). */}}
{{- define "marquee.gatewayClientLabel" -}}
{{ include "marquee.componentName" (dict "ctx" . "component" "gateway") | trunc 56 | trimSuffix "-" }}-client: "true"
{{- end -}}
