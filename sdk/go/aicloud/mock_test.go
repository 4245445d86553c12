// This test is the project's, not the generator's: `npm run build` keeps every *_test.go in sdk/go.

package aicloud_test

import (
	"sync"
	"testing"

	"github.com/aicloud-dev/aicloud/sdk/go/aicloud/compute"
	"github.com/aicloud-dev/aicloud/sdk/go/aicloud/inference"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// mocks stands in for the engine and the provider: a resource's outputs are its inputs plus what the
// cloud would fill in.
type mocks struct{}

func (mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	state := args.Inputs.Copy()
	switch args.TypeToken {
	case "aicloud:compute:Cluster":
		state["status"] = resource.NewStringProperty("running")
		state["acceleratorCount"] = resource.NewNumberProperty(args.Inputs["nodeCount"].NumberValue() * 8)
	case "aicloud:inference:ModelEndpoint":
		state["url"] = resource.NewStringProperty("https://" + args.Inputs["name"].StringValue() + ".endpoints.example")
		state["apiKey"] = resource.NewStringProperty("sk-mock")
	}
	return args.Name + "-id", state, nil
}

func (mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return args.Args, nil
}

// TestClusterAndEndpoint creates a cluster and an endpoint on it with the generated SDK, as a user's
// program does, and reads their outputs.
func TestClusterAndEndpoint(t *testing.T) {
	var got struct {
		clusterID, status, endpointCluster, url string
		accelerators, keyLength                 int
	}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		cluster, err := compute.NewCluster(ctx, "infer-a", &compute.ClusterArgs{
			Name:            pulumi.String("infer-a"),
			Zone:            pulumi.String("cn-southwest-2a"),
			AcceleratorType: compute.AcceleratorTypeAscend910c,
			NodeCount:       pulumi.Int(2),
		})
		if err != nil {
			return err
		}
		endpoint, err := inference.NewModelEndpoint(ctx, "qwen", &inference.ModelEndpointArgs{
			Name:    pulumi.String("qwen"),
			Cluster: cluster.Name,
			Model: &inference.ModelArgs{
				Name:               pulumi.String("qwen3-8b"),
				Bucket:             pulumi.String("weights"),
				Path:               pulumi.String("qwen3-8b"),
				ParametersBillions: pulumi.Float64(8),
				Precision:          inference.PrecisionBf16,
			},
			Runtime: &inference.RuntimeArgs{
				Framework:     inference.FrameworkVllmAscend,
				SoftwareStack: pulumi.String("cann-8.1"),
			},
			AcceleratorsPerReplica: pulumi.Int(1),
		})
		if err != nil {
			return err
		}
		var wg sync.WaitGroup
		wg.Add(1)
		pulumi.All(cluster.ID(), cluster.Status, cluster.AcceleratorCount, endpoint.Cluster, endpoint.Url, endpoint.ApiKey).
			ApplyT(func(all []interface{}) error {
				defer wg.Done()
				got.clusterID = string(all[0].(pulumi.ID))
				got.status = all[1].(string)
				got.accelerators = all[2].(int)
				got.endpointCluster = all[3].(string)
				got.url = all[4].(string)
				got.keyLength = len(all[5].(string))
				return nil
			})
		wg.Wait()
		return nil
	}, pulumi.WithMocks("sdk-go", "test", mocks{}))
	if err != nil {
		t.Fatal(err)
	}
	if got.clusterID != "infer-a-id" || got.status != "running" || got.accelerators != 16 {
		t.Errorf("cluster outputs: id %q, status %q, accelerators %d", got.clusterID, got.status, got.accelerators)
	}
	if got.endpointCluster != "infer-a" || got.url != "https://qwen.endpoints.example" || got.keyLength != 7 {
		t.Errorf("endpoint outputs: cluster %q, url %q, key length %d", got.endpointCluster, got.url, got.keyLength)
	}
}
