package dev.marquee.results.report.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.marquee.results.report.CampaignReport;
import dev.marquee.results.report.service.CampaignReports;
import io.smallrye.mutiny.Uni;

@Path("/v1/apps/{appId}/campaigns/{campaignId}/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    private final CampaignReports reports;

    public ResultsResource(CampaignReports reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "A campaign's results per variant and control group, with its experiment statistics")
    public Uni<CampaignReport> results(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId,
            @Parameter(description = "ISO instant or date (UTC); default: to − 30 days") @QueryParam("from") String from,
            @Parameter(description = "ISO instant, or a date meaning through its end (UTC); default: now") @QueryParam("to") String to,
            @Parameter(description = "also give the arms per day, hour, version, platform, locale or appVersion") @QueryParam("split") String split) {
        return reports.report(appId, campaignId, from, to, split);
    }
}
