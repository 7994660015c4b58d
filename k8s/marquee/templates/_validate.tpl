{{/*
Every missing or contradictory value at once, so that a first `helm install` names all of them.
Wrong types and unknown keys are values.schema.json's job.
*/}}
{{- define "marquee.validateValues" -}}
{{- $errors := list -}}
{{- $v := .Values -}}
{{- if not $v.image.registry -}}
{{- $errors = append $errors "image.registry: set the registry you pushed the Marquee images to (none are published)." -}}
{{- end -}}
{{- if not $v.postgresql.host -}}
{{- $errors = append $errors "postgresql.host: set the host of your PostgreSQL server." -}}
{{- end -}}
{{- if not $v.postgresql.existingSecret -}}
{{- $errors = append $errors (printf "postgresql.existingSecret: create a Secret with the password of user %q under key %q and name it here." $v.postgresql.username $v.postgresql.existingSecretPasswordKey) -}}
{{- end -}}
{{- if not $v.kafka.bootstrapServers -}}
{{- $errors = append $errors "kafka.bootstrapServers: set the bootstrap servers of your Kafka cluster (host:port,...)." -}}
{{- end -}}
{{- if and $v.kafka.sasl.mechanism (not $v.kafka.sasl.existingSecret) -}}
{{- $errors = append $errors (printf "kafka.sasl.existingSecret: kafka.sasl.mechanism is set; name the Secret holding the JAAS configuration under key %q." $v.kafka.sasl.existingSecretJaasKey) -}}
{{- end -}}
{{- if and $v.kafka.tls.caSecret (not $v.kafka.tls.enabled) -}}
{{- $errors = append $errors "kafka.tls.enabled: kafka.tls.caSecret is set but TLS is off; enable it or remove the CA." -}}
{{- end -}}
{{- if gt (int $v.kafka.strimzi.minInsyncReplicas) (int $v.kafka.strimzi.replicas) -}}
{{- $errors = append $errors "kafka.strimzi.minInsyncReplicas: must not exceed kafka.strimzi.replicas (producers use acks=all)." -}}
{{- end -}}
{{- if not $v.redis.nodes -}}
{{- $errors = append $errors "redis.nodes: set host:port of your Redis (segment profiles and membership, delivery caps, gateway rate limits)." -}}
{{- end -}}
{{- if and (eq $v.redis.mode "standalone") (gt (len $v.redis.nodes) 1) -}}
{{- $errors = append $errors "redis.nodes: standalone mode takes exactly one node; set redis.mode=cluster for several." -}}
{{- end -}}
{{- if not $v.gateway.operatorToken.existingSecret -}}
{{- $errors = append $errors (printf "gateway.operatorToken.existingSecret: create a Secret with the SHA-256 (hex) of your operator token under key %q and name it here." $v.gateway.operatorToken.existingSecretKey) -}}
{{- end -}}
{{- if not $v.trust.existingSecret -}}
{{- $errors = append $errors (printf "trust.existingSecret: create a Secret with a random key of at least 32 characters under key %q (the gateway signs what it forwards with it, the services verify) and name it here." $v.trust.existingSecretKey) -}}
{{- end -}}
{{- if and $v.ingress.enabled (not $v.ingress.hostname) -}}
{{- $errors = append $errors "ingress.hostname: the Ingress is enabled; set its host name." -}}
{{- end -}}
{{- range $key := list "gateway" "campaignService" "segmentService" "deliveryService" "resultsService" -}}
{{- $autoscaling := (index $v $key).autoscaling -}}
{{- if and $autoscaling.enabled (gt (int $autoscaling.minReplicas) (int $autoscaling.maxReplicas)) -}}
{{- $errors = append $errors (printf "%s.autoscaling.minReplicas: must not exceed %s.autoscaling.maxReplicas." $key $key) -}}
{{- end -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n\nVALUES VALIDATION (see k8s/marquee/README.md):\n  - %s\n" (join "\n  - " $errors)) -}}
{{- end -}}
{{- end -}}
