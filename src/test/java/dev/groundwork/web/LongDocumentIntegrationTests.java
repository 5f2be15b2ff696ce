package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Four annual reports of two companies for two years, alike page for page as versions of one report are: only
 * their covers say whose and which year they are, and their inner pages say "the Company". A question that names
 * company and year must find that report's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LongDocumentIntegrationTests {

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @LocalServerPort
    int port;

    private static final Map<String, String> IDS = new java.util.HashMap<>();

    private static byte[] report(String company, int year, int totalAssets) {
        List<String> pages = new ArrayList<>();
        pages.add("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\nFORM 10-K\n\nANNUAL REPORT PURSUANT TO SECTION 13\n\n"
                + "For the fiscal year ended December 31, " + year + "\n\n" + company + "\n\n"
                + "Common stock listed on the New York Stock Exchange, Inc.");
        for (int i = 1; i <= 4; i++) {
            pages.add(("The Company designs and sells industrial pumps. The Company operates plants in four regions and "
                    + "sells through distributors. The Company expects demand to grow in region " + i + ", where "
                    + "it will open a new service centre. Competition is strong and prices are under pressure. ")
                    .repeat(4));
        }
        pages.add("CONSOLIDATED BALANCE SHEET\n\nTotal current assets were " + (totalAssets / 3) + " million dollars. "
                + "Total assets were " + totalAssets + " million dollars at the end of the year. Total liabilities "
                + "were " + (totalAssets / 2) + " million dollars.");
        pages.add("Risk factors. The Company depends on a few suppliers of steel. A strike at a supplier could stop "
                + "production for weeks. The Company holds insurance against fire and flood.");
        return Fixtures.pdf(pages.toArray(String[]::new));
    }

    @BeforeAll
    static void upload(@LocalServerPort int port) {
        ApiClient api = new ApiClient(port);
        int assets = 1000;
        for (String company : List.of("Acme Pumps, Inc.", "Globex Pumps Corporation")) {
            for (int year : List.of(2021, 2022)) {
                String file = company.substring(0, company.indexOf(' ')).toUpperCase() + "_" + year + "_10K.pdf";
                JsonNode document = api.upload(file, report(company, year, assets += 111)).json().path("documents").get(0);
                assertThat(document.path("status").asInt()).as(document.toString()).isEqualTo(201);
                IDS.put(file, document.path("id").asString());
            }
        }
    }

    @Test
    void aQuestionThatNamesCompanyAndYearFindsThatReportsPage() {
        ApiClient api = new ApiClient(port);

        JsonNode first = api.search("What were Globex's total assets in FY2021?", 5).json().path("hits").get(0);

        assertThat(first.path("documentId").asString()).isEqualTo(IDS.get("GLOBEX_2021_10K.pdf"));
        assertThat(first.path("page").asInt()).isEqualTo(6);
        assertThat(first.path("text").asString()).contains("Total assets were");
    }

    @Test
    void theOtherYearAndCompanyAreFoundAsWell() {
        ApiClient api = new ApiClient(port);

        JsonNode first = api.search("Acme total assets 2022 balance sheet", 5).json().path("hits").get(0);

        assertThat(first.path("documentId").asString()).isEqualTo(IDS.get("ACME_2022_10K.pdf"));
        assertThat(first.path("page").asInt()).isEqualTo(6);
    }

    @Test
    void aHitSaysWhoseAndWhichReportItComesFrom() {
        ApiClient api = new ApiClient(port);

        JsonNode document = api.get("/api/documents/" + IDS.get("GLOBEX_2022_10K.pdf")).json();

        // The metadata title of a generated PDF is empty, so the file name in words is the title.
        assertThat(document.path("title").asString()).isEqualTo("GLOBEX 2022 10K");
        assertThat(document.path("about").asString()).isEqualTo("Globex Pumps Corporation · Form 10-K · "
                + "annual report · fiscal year ended December 31, 2022 · FY2022");
        JsonNode hit = api.search("Globex total assets 2022", 1).json().path("hits").get(0);
        assertThat(hit.path("about").asString()).isEqualTo(document.path("about").asString());
    }
}
