package junction.naming;

import static junction.naming.Names.assertData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import junction.test.EngineFixture;
import org.junit.jupiter.api.Test;

/**
 * {@code HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION}: the convention of a source whose customization
 * names none — only with the {@code naming_convention} experimental feature
 * ({@code HASURA_GRAPHQL_EXPERIMENTAL_FEATURES}); without it every source is hasura-default, as in Hasura.
 */
class DefaultNamingConventionTest {

    @Test
    void withTheExperimentalFeatureTheDefaultConventionNamesASourceThatNamesNone() {
        try (EngineFixture f = EngineFixture.start("naming_default_on", c -> c.toBuilder()
                .namingConvention("graphql-default").experimentalFeatures(Set.of("naming_convention", "inherited_roles")).build())) {
            f.runSqlOk(Names.SQL);
            f.metadataOk(Names.METADATA);
            assertData(f.gql("{ authorLocalByPk(authorId: 1) { fullName __typename } }"), """
                {"authorLocalByPk": {"fullName": "Ada", "__typename": "AuthorLocal"}}
                """);
            f.metadataOk("""
                {"type": "pg_update_source", "args": {"name": "default", "customization": {"naming_convention": "hasura-default"}}}""");
            assertData(f.gql("{ author_local_by_pk(author_id: 1) { full_name __typename } }"), """
                {"author_local_by_pk": {"full_name": "Ada", "__typename": "author_local"}}
                """);
            JsonNode config = f.http.get("/v1alpha1/config").json();
            assertThat(config.get("default_naming_convention").asText()).isEqualTo("graphql-default");
            assertThat(config.get("experimental_features").toString()).isEqualTo("[\"inherited_roles\",\"naming_convention\"]");
        }
    }

    @Test
    void withoutTheExperimentalFeatureTheDefaultConventionIsIgnored() {
        try (EngineFixture f = EngineFixture.start("naming_default_off", c -> c.toBuilder()
                .namingConvention("graphql-default").build())) {
            f.runSqlOk(Names.SQL);
            f.metadataOk(Names.METADATA);
            assertData(f.gql("{ author_local_by_pk(author_id: 1) { full_name __typename } }"), """
                {"author_local_by_pk": {"full_name": "Ada", "__typename": "author_local"}}
                """);
            assertThat(f.http.get("/v1alpha1/config").json().get("experimental_features").toString()).isEqualTo("[]");
        }
    }
}
