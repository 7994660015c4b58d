package dev.marquee.segment.segment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A segment definition; its membership lives in Redis and is derived from this row (and, if static, an upload). */
@Entity
@Table(name = "segment_definition")
public class Segment {

    @Id
    public String id;

    @Column(name = "app_id")
    public String appId;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public SegmentKind kind;

    /** The rule tree as JSON ({@code null} for a static segment); text, not jsonb (see campaign-service). */
    public String rules;

    public long version;

    @Enumerated(EnumType.STRING)
    public SegmentStatus status;

    /** Backfill progress in percent while {@link SegmentStatus#BUILDING}. */
    public int progress;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
